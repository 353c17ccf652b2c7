<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Consult Desktop</source>
        <translation>Over Consult Desktop</translation>
    </message>
    <message>
        <source>Hospital records of your patients, available offline in an encrypted local profile.</source>
        <translation>De ziekenhuisdossiers van uw patiënten, offline beschikbaar in een versleuteld lokaal profiel.</translation>
    </message>
    <message>
        <source>Database encryption: SQLCipher %1</source>
        <translation>Versleuteling van de databank: SQLCipher %1</translation>
    </message>
    <message>
        <source>Database encryption: SQLCipher 4 (unlock the profile to see its exact version)</source>
        <translation>Versleuteling van de databank: SQLCipher 4 (ontgrendel het profiel om de exacte versie te zien)</translation>
    </message>
    <message>
        <source>Open licence texts</source>
        <translation>Licentieteksten openen</translation>
    </message>
    <message>
        <source>The licence texts are installed with the program.</source>
        <translation>De licentieteksten worden met het programma geïnstalleerd.</translation>
    </message>
    <message>
        <source>Qt and Qt for Python (PySide6, Shiboken6) are used under the GNU Lesser General Public License version 3. They are not modified and are dynamically linked: each Qt library, plugin and binding is a separate file in the program folder, which you may replace with your own build of a compatible version. The source code is available at %1 and %2.</source>
        <translation>Qt en Qt for Python (PySide6, Shiboken6) worden gebruikt onder de GNU Lesser General Public License versie 3. Ze zijn niet gewijzigd en worden dynamisch gelinkt: elke Qt-bibliotheek, plug-in en binding is een apart bestand in de programmamap, dat u mag vervangen door uw eigen build van een compatibele versie. De broncode is beschikbaar op %1 en %2.</translation>
    </message>
    <message>
        <source>The medication knowledge base was written by the Consult Desktop project and is licensed under the Creative Commons Attribution 4.0 International licence (%1).</source>
        <translation>De kennisbank over geneesmiddelen werd geschreven door het project Consult Desktop en valt onder de licentie Creative Commons Naamsvermelding 4.0 Internationaal (%1).</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licentie</translation>
    </message>
</context>
<context>
    <name>AccessLog</name>
    <message>
        <source>Opened patient</source>
        <translation>Patiënt geopend</translation>
    </message>
    <message>
        <source>Opened document</source>
        <translation>Document geopend</translation>
    </message>
    <message>
        <source>Profile created</source>
        <translation>Profiel aangemaakt</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Wachtzin gewijzigd</translation>
    </message>
    <message>
        <source>Server configured</source>
        <translation>Server ingesteld</translation>
    </message>
    <message>
        <source>Signed in to the hospital</source>
        <translation>Aangemeld bij het ziekenhuis</translation>
    </message>
    <message>
        <source>Synchronised</source>
        <translation>Gesynchroniseerd</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Vergrendeld</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Ontgrendeld</translation>
    </message>
    <message>
        <source>Warning acknowledged</source>
        <translation>Waarschuwing bevestigd</translation>
    </message>
    <message>
        <source>Medication decision recorded</source>
        <translation>Medicatiebeslissing vastgelegd</translation>
    </message>
    <message>
        <source>GP prescription saved</source>
        <translation>Voorschrift van de huisarts opgeslagen</translation>
    </message>
    <message>
        <source>GP prescription stopped</source>
        <translation>Voorschrift van de huisarts gestopt</translation>
    </message>
    <message>
        <source>GP prescription deleted (entered by mistake)</source>
        <translation>Voorschrift van de huisarts verwijderd (vergissing)</translation>
    </message>
    <message>
        <source>Medication list imported</source>
        <translation>Medicatielijst geïmporteerd</translation>
    </message>
    <message>
        <source>Medication list exported</source>
        <translation>Medicatielijst geëxporteerd</translation>
    </message>
    <message>
        <source>Medication comparison exported as PDF</source>
        <translation>Medicatievergelijking als PDF geëxporteerd</translation>
    </message>
    <message>
        <source>Medication comparison printed</source>
        <translation>Medicatievergelijking afgedrukt</translation>
    </message>
    <message>
        <source>Patient&apos;s local record removed (no longer shared)</source>
        <translation>Lokaal dossier van de patiënt verwijderd (niet meer gedeeld)</translation>
    </message>
    <message>
        <source>Document printed</source>
        <translation>Document afgedrukt</translation>
    </message>
    <message>
        <source>Document saved to a file</source>
        <translation>Document in een bestand opgeslagen</translation>
    </message>
    <message>
        <source>Lab results printed</source>
        <translation>Labo-uitslagen afgedrukt</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Instellingen gewijzigd</translation>
    </message>
    <message>
        <source>Own data backed up to a file</source>
        <translation>Eigen gegevens in een bestand geback-upt</translation>
    </message>
    <message>
        <source>Own data restored from a backup</source>
        <translation>Eigen gegevens uit een back-up hersteld</translation>
    </message>
    <message>
        <source>Hospital server removed</source>
        <translation>Ziekenhuisserver verwijderd</translation>
    </message>
    <message>
        <source>Access log exported</source>
        <translation>Toegangslogboek geëxporteerd</translation>
    </message>
    <message>
        <source>Other event</source>
        <translation>Andere gebeurtenis</translation>
    </message>
    <message>
        <source>continue</source>
        <translation>voortzetten</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>stoppen</translation>
    </message>
    <message>
        <source>modify</source>
        <translation>aanpassen</translation>
    </message>
    <message>
        <source>decision cleared</source>
        <translation>beslissing gewist</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>demo</translation>
    </message>
    <message>
        <source>a document no longer in the local record</source>
        <translation>een document dat niet meer in het lokale dossier staat</translation>
    </message>
</context>
<context>
    <name>AccessLogDialog</name>
    <message>
        <source>Access log</source>
        <translation>Toegangslogboek</translation>
    </message>
    <message>
        <source>Everything opened on this computer with this profile, most recent first. The log stays in the encrypted profile.</source>
        <translation>Alles wat op deze computer met dit profiel werd geopend, het recentste eerst. Het logboek blijft in het versleutelde profiel.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Hospital told</source>
        <translation>Ziekenhuis verwittigd</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wachtend</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Patiënt:</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>P&amp;eriode:</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Show the entries of one patient</source>
        <translation>De regels van één patiënt tonen</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Show the entries of a recent period</source>
        <translation>De regels van een recente periode tonen</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Altijd</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Laatste 7 dagen</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Laatste 30 dagen</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Laatste 12 maanden</translation>
    </message>
    <message>
        <source>All patients</source>
        <translation>Alle patiënten</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Document or file</source>
        <translation>Document of bestand</translation>
    </message>
    <message>
        <source>Access log entries</source>
        <translation>Regels van het toegangslogboek</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporteren als CSV…</translation>
    </message>
    <message>
        <source>Save the entries shown as a CSV file (the export is logged)</source>
        <translation>De getoonde regels als CSV-bestand opslaan (de export wordt gelogd)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>A patient no longer in the local record (%1)</source>
        <translation>Een patiënt die niet meer in het lokale dossier staat (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n regel</numerusform>
            <numerusform>%n regels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The most recent %n entries</source>
        <translation>
            <numerusform>De recentste regel</numerusform>
            <numerusform>De %n recentste regels</numerusform>
        </translation>
    </message>
    <message>
        <source>access-log</source>
        <translation>toegangslogboek</translation>
    </message>
    <message>
        <source>Export the access log</source>
        <translation>Het toegangslogboek exporteren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>De export is mislukt: %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Geëxporteerd naar %1</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>More actions</source>
        <translation>Meer acties</translation>
    </message>
    <message>
        <source>Shows the actions that do not fit in the tool bar</source>
        <translation>Toont de acties die niet in de werkbalk passen</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>Meer menu&apos;s</translation>
    </message>
    <message>
        <source>Shows the menus that do not fit in the menu bar</source>
        <translation>Toont de menu&apos;s die niet in de menubalk passen</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Alles selecteren</translation>
    </message>
    <message>
        <source>Selects every cell of the table</source>
        <translation>Selecteert alle cellen van de tabel</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Empties the field</source>
        <translation>Maakt het veld leeg</translation>
    </message>
</context>
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>Acknowledge a flag</source>
        <translation>Een waarschuwing bevestigen</translation>
    </message>
    <message>
        <source>Why this is accepted for this patient (stored and audited)</source>
        <translation>Waarom dit voor deze patiënt aanvaardbaar is (bewaard en gelogd)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bevestigen</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reden:</translation>
    </message>
</context>
<context>
    <name>AddHospitalDialog</name>
    <message>
        <source>Add a hospital</source>
        <translation>Een ziekenhuis toevoegen</translation>
    </message>
    <message>
        <source>Hospital name</source>
        <translation>Naam van het ziekenhuis</translation>
    </message>
    <message>
        <source>The name shown beside its records (default: its address)</source>
        <translation>De naam naast zijn gegevens (standaard: zijn adres)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
</context>
<context>
    <name>ContraindicationDialog</name>
    <message>
        <source>Contraindicated medication</source>
        <translation>Gecontra-indiceerde medicatie</translation>
    </message>
    <message>
        <source>The medication of %1 combines medicines that must not be taken together:</source>
        <translation>De medicatie van %1 combineert geneesmiddelen die niet samen mogen worden ingenomen:</translation>
    </message>
    <message>
        <source>this patient</source>
        <translation>deze patiënt</translation>
    </message>
    <message>
        <source>Contraindicated combinations</source>
        <translation>Gecontra-indiceerde combinaties</translation>
    </message>
    <message>
        <source>Management: %1</source>
        <translation>Aanpak: %1</translation>
    </message>
    <message>
        <source>Reason, to acknowledge (stored and audited)</source>
        <translation>Reden, om te bevestigen (bewaard en gelogd)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bevestigen</translation>
    </message>
    <message>
        <source>Show the medication</source>
        <translation>Medicatie tonen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Niet nu</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reden:</translation>
    </message>
    <message>
        <source>The medication of %1 contains medicines that must not be used at this kidney function:</source>
        <translation>De medicatie van %1 bevat geneesmiddelen die bij deze nierfunctie niet gebruikt mogen worden:</translation>
    </message>
    <message>
        <source>The medication of %1 contains medicines the patient must not take because of a recorded allergy:</source>
        <translation>De medicatie van %1 bevat geneesmiddelen die de patiënt niet mag nemen wegens een geregistreerde allergie:</translation>
    </message>
    <message>
        <source>The medication of %1 contains a dose that must not be given:</source>
        <translation>De medicatie van %1 bevat een dosis die niet gegeven mag worden:</translation>
    </message>
    <message>
        <source>The medication of %1 contains medicines that must not be used:</source>
        <translation>De medicatie van %1 bevat geneesmiddelen die niet gebruikt mogen worden:</translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <source>Unexpected error</source>
        <translation>Onverwachte fout</translation>
    </message>
    <message>
        <source>Consult Desktop could not finish this action because of an unexpected error. The data already stored is intact. If it happens again, please tell your support, with the time it happened (the error log contains no patient data).</source>
        <translation>Consult Desktop kon deze actie niet voltooien door een onverwachte fout. De gegevens die al bewaard zijn, blijven intact. Als het opnieuw gebeurt, meld het dan aan uw IT-ondersteuning, met het tijdstip waarop het gebeurde (het foutenlogboek bevat geen patiëntgegevens).</translation>
    </message>
</context>
<context>
    <name>CumulativeLabModel</name>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nieuw: %1</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Opslaan als…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>%1 afdrukken</translation>
    </message>
    <message>
        <source>This document has no file stored on this computer to save.</source>
        <translation>Voor dit document is geen bestand op deze computer opgeslagen.</translation>
    </message>
    <message>
        <source>Save a copy outside the encrypted store</source>
        <translation>Een kopie buiten de versleutelde opslag bewaren</translation>
    </message>
    <message>
        <source>The copy is an ordinary file: anyone who can open the folder where you save it can read it. Save it only where your practice keeps patient records.</source>
        <translation>De kopie is een gewoon bestand: iedereen die de map kan openen waarin u het bewaart, kan het lezen. Bewaar het alleen waar uw praktijk patiëntendossiers bewaart.</translation>
    </message>
    <message>
        <source>Save the document as</source>
        <translation>Document opslaan als</translation>
    </message>
    <message>
        <source>The hospital&apos;s file (*%1)</source>
        <translation>Bestand van het ziekenhuis (*%1)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Opgeslagen in %1</translation>
    </message>
    <message>
        <source>The document could not be saved to %1</source>
        <translation>Het document kon niet worden opgeslagen in %1</translation>
    </message>
    <message>
        <source>The document could not be read from the local database.</source>
        <translation>Het document kon niet uit de lokale databank worden gelezen.</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Opname</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Afbeelding</translation>
    </message>
    <message>
        <source>Other format</source>
        <translation>Ander formaat</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>Formaat: %1</translation>
    </message>
    <message>
        <source>No attached file</source>
        <translation>Geen bijgevoegd bestand</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nieuw: %1</translation>
    </message>
    <message>
        <source>New since you last opened this patient</source>
        <translation>Nieuw sinds u deze patiënt het laatst opende</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Paginabreedte</translation>
    </message>
    <message>
        <source>Fit the page to the width of the viewer</source>
        <translation>De pagina aan de breedte van de viewer aanpassen</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Zoeken…</translation>
    </message>
    <message>
        <source>Find in document (Ctrl+F)</source>
        <translation>Zoeken in het document (Ctrl+F)</translation>
    </message>
    <message>
        <source>Select a document to read it.</source>
        <translation>Kies een document om het te lezen.</translation>
    </message>
    <message>
        <source>Opening the document…</source>
        <translation>Document openen…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>This PDF is password-protected and cannot be shown.</source>
        <translation>Deze pdf is met een wachtwoord beveiligd en kan niet worden getoond.</translation>
    </message>
    <message>
        <source>This PDF could not be opened: the file appears to be damaged.</source>
        <translation>Deze pdf kon niet worden geopend: het bestand lijkt beschadigd.</translation>
    </message>
    <message>
        <source>This image could not be decoded.</source>
        <translation>Deze afbeelding kon niet worden gedecodeerd.</translation>
    </message>
    <message>
        <source>The content of this document could not be fetched from the hospital.</source>
        <translation>De inhoud van dit document kon niet bij het ziekenhuis worden opgehaald.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reden: %1</translation>
    </message>
    <message>
        <source>Ask the hospital for this document by another route.</source>
        <translation>Vraag dit document langs een andere weg aan het ziekenhuis.</translation>
    </message>
    <message>
        <source>It will be fetched again at the next synchronisation.</source>
        <translation>Het wordt bij de volgende synchronisatie opnieuw opgehaald.</translation>
    </message>
    <message>
        <source>The content of this document has not been downloaded from the hospital yet.</source>
        <translation>De inhoud van dit document is nog niet bij het ziekenhuis gedownload.</translation>
    </message>
    <message>
        <source>This document&apos;s format (%1) cannot be shown here.</source>
        <translation>Het formaat van dit document (%1) kan hier niet worden getoond.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>This document is no longer stored on this computer.</source>
        <translation>Dit document wordt niet meer op deze computer bewaard.</translation>
    </message>
    <message>
        <source>This document has no content to show.</source>
        <translation>Dit document heeft geen inhoud om te tonen.</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Search in this patient&apos;s documents</source>
        <translation>Zoeken in de documenten van deze patiënt</translation>
    </message>
    <message>
        <source>Search in documents</source>
        <translation>Zoeken in documenten</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Zoekresultaten</translation>
    </message>
    <message>
        <source>Show all documents</source>
        <translation>Alle documenten tonen</translation>
    </message>
    <message>
        <source>Documents of the stay %1</source>
        <translation>Documenten van de opname %1</translation>
    </message>
    <message>
        <source>The document could not be opened from the local database.</source>
        <translation>Het document kon niet uit de lokale databank worden geopend.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Zoeken…</translation>
    </message>
    <message>
        <source>The search could not be run.</source>
        <translation>De zoekopdracht kon niet worden uitgevoerd.</translation>
    </message>
    <message>
        <source>Documents found: %1. Choose one to open it; clear the search for the whole list.</source>
        <translation>Gevonden documenten: %1. Kies er een om het te openen; wis de zoekopdracht voor de hele lijst.</translation>
    </message>
    <message>
        <source>No document contains these words.</source>
        <translation>Geen enkel document bevat deze woorden.</translation>
    </message>
    <message>
        <source>No documents stored for this patient.</source>
        <translation>Geen documenten bewaard voor deze patiënt.</translation>
    </message>
    <message>
        <source>Documents: %1</source>
        <translation>Documenten: %1</translation>
    </message>
    <message>
        <source>%1 of %2 documents</source>
        <translation>%1 van %2 documenten</translation>
    </message>
    <message>
        <source>New only</source>
        <translation>Alleen nieuwe</translation>
    </message>
    <message>
        <source>Only the documents that arrived since you last opened this patient</source>
        <translation>Alleen de documenten die binnenkwamen sinds u deze patiënt het laatst opende</translation>
    </message>
    <message>
        <source>Show only new documents</source>
        <translation>Alleen nieuwe documenten tonen</translation>
    </message>
</context>
<context>
    <name>EncountersTab</name>
    <message>
        <source>Stays and visits</source>
        <translation>Opnames en raadplegingen</translation>
    </message>
    <message>
        <source>No stays or visits stored for this patient.</source>
        <translation>Geen opnames of raadplegingen bewaard voor deze patiënt.</translation>
    </message>
    <message>
        <source>Double-click a stay (or press Enter) to list its documents.</source>
        <translation>Dubbelklik op een opname (of druk op Enter) om de documenten ervan te tonen.</translation>
    </message>
    <message numerus="yes">
        <source>(%n day(s))</source>
        <translation>
            <numerusform>(%n dag)</numerusform>
            <numerusform>(%n dagen)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 – ongoing</source>
        <translation>%1 – lopend</translation>
    </message>
    <message>
        <source>Date unknown</source>
        <translation>Datum onbekend</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reden: %1</translation>
    </message>
    <message>
        <source>Discharge: %1</source>
        <translation>Ontslag: %1</translation>
    </message>
    <message>
        <source>Documents: %1</source>
        <translation>Documenten: %1</translation>
    </message>
    <message>
        <source>Hospital stay</source>
        <translation>Ziekenhuisopname</translation>
    </message>
    <message>
        <source>Day hospital</source>
        <translation>Dagziekenhuis</translation>
    </message>
    <message>
        <source>Outpatient visit</source>
        <translation>Ambulante raadpleging</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Spoedgevallen</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Huisbezoek</translation>
    </message>
    <message>
        <source>Remote consultation</source>
        <translation>Teleconsultatie</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in document</source>
        <translation>Zoeken in het document</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorige</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorige treffer (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Volgende</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Volgende treffer (Enter)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>De zoekbalk sluiten (Esc)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Zoeken:</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Zoeken…</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Niet gevonden</translation>
    </message>
    <message>
        <source>Matches: %1</source>
        <translation>Treffers: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 van %2</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Er ging iets mis: %1</translation>
    </message>
    <message>
        <source>Welcome to Consult Desktop</source>
        <translation>Welkom bij Consult Desktop</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>Profiel aanmaken</translation>
    </message>
</context>
<context>
    <name>HospitalsPage</name>
    <message>
        <source>Hospitals</source>
        <translation>Ziekenhuizen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Laatste synchronisatie</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Toevoegen…</translation>
    </message>
    <message>
        <source>Add a hospital</source>
        <translation>Een ziekenhuis toevoegen</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>Remove the selected hospital</source>
        <translation>Het geselecteerde ziekenhuis verwijderen</translation>
    </message>
    <message>
        <source>The records of every hospital listed here are synchronised to this computer.</source>
        <translation>De dossiers van elk ziekenhuis in deze lijst worden naar deze computer gesynchroniseerd.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nooit</translation>
    </message>
    <message>
        <source>Hospital added. Its records arrive at the next synchronisation.</source>
        <translation>Ziekenhuis toegevoegd. Zijn dossiers komen bij de volgende synchronisatie.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>Remove a hospital</source>
        <translation>Een ziekenhuis verwijderen</translation>
    </message>
    <message>
        <source>Remove the hospital %1?</source>
        <translation>Het ziekenhuis %1 verwijderen?</translation>
    </message>
    <message>
        <source>Its cached records are removed from this computer. They come back only if you add the hospital again and synchronise.</source>
        <translation>Zijn bewaarde dossiers worden van deze computer verwijderd. Ze komen pas terug als u het ziekenhuis opnieuw toevoegt en synchroniseert.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Hospital removed, with its records on this computer.</source>
        <translation>Ziekenhuis verwijderd, met zijn dossiers op deze computer.</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Verwijderen…</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import a medication list</source>
        <translation>Een medicatielijst importeren</translation>
    </message>
    <message>
        <source>added</source>
        <translation>toegevoegd</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>gewijzigd</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>geschorst</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestopt</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>ongewijzigd</translation>
    </message>
    <message>
        <source>File: %1 (%2)</source>
        <translation>Bestand: %1 (%2)</translation>
    </message>
    <message>
        <source>Patient checked: the file is about this patient (%1).</source>
        <translation>Patiënt gecontroleerd: het bestand gaat over deze patiënt (%1).</translation>
    </message>
    <message>
        <source>national number</source>
        <translation>rijksregisternummer</translation>
    </message>
    <message>
        <source>name and birth date</source>
        <translation>naam en geboortedatum</translation>
    </message>
    <message>
        <source>Refused: the file is about another patient. Nothing can be imported.</source>
        <translation>Geweigerd: het bestand gaat over een andere patiënt. Er kan niets worden geïmporteerd.</translation>
    </message>
    <message>
        <source>The file does not identify its patient well enough to check it.</source>
        <translation>Het bestand identificeert zijn patiënt niet goed genoeg om dat te controleren.</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 suspended, %4 stopped, %5 unchanged; %6 lines cannot be read.</source>
        <translation>%1 toegevoegd, %2 gewijzigd, %3 geschorst, %4 gestopt, %5 ongewijzigd; %6 lijnen onleesbaar.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wijziging</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Geneesmiddel</translation>
    </message>
    <message>
        <source>Posology</source>
        <translation>Posologie</translation>
    </message>
    <message>
        <source>Checked against</source>
        <translation>Gecontroleerd als</translation>
    </message>
    <message>
        <source>not recognised (not checked)</source>
        <translation>niet herkend (niet gecontroleerd)</translation>
    </message>
    <message>
        <source>Cannot be read (%1): %2</source>
        <translation>Onleesbaar (%1): %2</translation>
    </message>
    <message>
        <source>From the GP&apos;s SUMEHR (%1): %2</source>
        <translation>Uit het SUMEHR van de huisarts (%1): %2</translation>
    </message>
    <message>
        <source>Lines that cannot be read</source>
        <translation>Onleesbare lijnen</translation>
    </message>
    <message>
        <source>Allergies, problems and vaccinations from the GP&apos;s SUMEHR (not imported)</source>
        <translation>Allergieën, problemen en vaccinaties uit het SUMEHR van de huisarts (niet geïmporteerd)</translation>
    </message>
    <message>
        <source>I confirm that this file is about the patient on screen</source>
        <translation>Ik bevestig dat dit bestand over de getoonde patiënt gaat</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Notes on the file</source>
        <translation>Opmerkingen over het bestand</translation>
    </message>
</context>
<context>
    <name>LabFlags</name>
    <message>
        <source>H</source>
        <comment>flag letter: above the reference range</comment>
        <translation>H</translation>
    </message>
    <message>
        <source>L</source>
        <comment>flag letter: below the reference range</comment>
        <translation>L</translation>
    </message>
    <message>
        <source>HH</source>
        <comment>flag letters: critically high</comment>
        <translation>HH</translation>
    </message>
    <message>
        <source>LL</source>
        <comment>flag letters: critically low</comment>
        <translation>LL</translation>
    </message>
    <message>
        <source>AA</source>
        <comment>flag letters: critical</comment>
        <translation>AA</translation>
    </message>
    <message>
        <source>A</source>
        <comment>flag letter: abnormal</comment>
        <translation>A</translation>
    </message>
</context>
<context>
    <name>LabTab</name>
    <message>
        <source>Abnormal results only</source>
        <translation>Alleen afwijkende resultaten</translation>
    </message>
    <message>
        <source>Panel:</source>
        <translation>Panel:</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Laboresultaten</translation>
    </message>
    <message>
        <source>No lab results stored for this patient.</source>
        <translation>Geen laboresultaten bewaard voor deze patiënt.</translation>
    </message>
    <message>
        <source>All panels</source>
        <translation>Alle panels</translation>
    </message>
    <message>
        <source>%1 of %2 results, %3 outside the reference range</source>
        <translation>%1 van %2 resultaten, %3 buiten het referentiebereik</translation>
    </message>
    <message>
        <source>New only</source>
        <translation>Alleen nieuwe</translation>
    </message>
    <message>
        <source>Only the results that arrived since you last opened this patient</source>
        <translation>Alleen de resultaten die binnenkwamen sinds u deze patiënt het laatst opende</translation>
    </message>
    <message>
        <source>Show only new results</source>
        <translation>Alleen nieuwe resultaten tonen</translation>
    </message>
    <message>
        <source>Cumulative view</source>
        <translation>Cumulatief overzicht</translation>
    </message>
    <message>
        <source>Tests down, days across</source>
        <translation>Tests in rijen, dagen in kolommen</translation>
    </message>
    <message>
        <source>Cumulative lab results</source>
        <translation>Cumulatieve labresultaten</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <source>Show trend</source>
        <translation>Verloop tonen</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
</context>
<context>
    <name>LabTableModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Eenheid</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Referentiebereik</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Markering</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Laag</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoog</translation>
    </message>
    <message>
        <source>Critical low</source>
        <translation>Kritiek laag</translation>
    </message>
    <message>
        <source>Critical high</source>
        <translation>Kritiek hoog</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritiek</translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation>Afwijkend</translation>
    </message>
    <message>
        <source>Other results</source>
        <translation>Andere resultaten</translation>
    </message>
    <message>
        <source>Reference range: %1</source>
        <translation>Referentiebereik: %1</translation>
    </message>
    <message>
        <source>Laboratory interpretation code: %1</source>
        <translation>Interpretatiecode van het labo: %1</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nieuw: %1</translation>
    </message>
    <message>
        <source>New since you last opened this patient</source>
        <translation>Nieuw sinds u deze patiënt het laatst opende</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Consult Desktop</source>
        <translation>Consult Desktop</translation>
    </message>
    <message>
        <source> — demo</source>
        <translation> — demo</translation>
    </message>
    <message>
        <source>Choose a patient in the list.</source>
        <translation>Kies een patiënt in de lijst.</translation>
    </message>
    <message>
        <source>Consult Desktop is locked.</source>
        <translation>Consult Desktop is vergrendeld.</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Nu &amp;synchroniseren</translation>
    </message>
    <message>
        <source>Fetch what is new at the hospital (F5)</source>
        <translation>Ophalen wat nieuw is in het ziekenhuis (F5)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Vergrendelen</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <source>Find in the area you are in: the document, or else the patient list</source>
        <translation>Zoeken waar u bent: in het document, anders in de patiëntenlijst</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>I&amp;nstellingen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>Sync &amp;problems…</source>
        <translation>&amp;Synchronisatieproblemen…</translation>
    </message>
    <message>
        <source>&amp;Access log…</source>
        <translation>&amp;Toegangslogboek…</translation>
    </message>
    <message>
        <source>&amp;About Consult Desktop</source>
        <translation>&amp;Over Consult Desktop</translation>
    </message>
    <message>
        <source>&amp;Wipe this workstation…</source>
        <translation>Dit &amp;werkstation wissen…</translation>
    </message>
    <message>
        <source>&amp;Import medication list…</source>
        <translation>Medicatielijst &amp;importeren…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Af&amp;drukken…</translation>
    </message>
    <message>
        <source>Print what the open tab shows: the document, the lab results or the medication comparison</source>
        <translation>Afdrukken wat het open tabblad toont: het document, de labresultaten of de vergelijking van de medicatie</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Patients</source>
        <translation>&amp;Patiënten</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Extra</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
    <message>
        <source>The local database is damaged. The hospital data can be synced again, your own data cannot (prescriptions, decisions, acknowledgements, access log): save it now with consult-desktop backup --out FILE, and restore it into a fresh profile.</source>
        <translation>De lokale databank is beschadigd. De gegevens van het ziekenhuis kunnen opnieuw gesynchroniseerd worden, uw eigen gegevens niet (voorschriften, beslissingen, bevestigingen, toegangslogboek): bewaar ze nu met consult-desktop backup --out BESTAND en zet ze terug in een nieuw profiel.</translation>
    </message>
    <message>
        <source>This profile is read-only: its folder or drive cannot be written. You can read everything; nothing can be saved (no sync, prescriptions, decisions or access log entries).</source>
        <translation>Dit profiel is alleen-lezen: de map of schijf kan niet beschreven worden. U kunt alles lezen; niets kan bewaard worden (geen synchronisatie, voorschriften, beslissingen of vermeldingen in het toegangslogboek).</translation>
    </message>
    <message>
        <source>This patient&apos;s record is no longer available to you.</source>
        <translation>Het dossier van deze patiënt is niet langer voor u beschikbaar.</translation>
    </message>
    <message>
        <source>New documents or results arrived for this patient.</source>
        <translation>Er zijn nieuwe documenten of resultaten voor deze patiënt binnengekomen.</translation>
    </message>
    <message>
        <source>This patient&apos;s record was updated by the sync.</source>
        <translation>Het dossier van deze patiënt werd bijgewerkt door de synchronisatie.</translation>
    </message>
    <message numerus="yes">
        <source>Sync complete: %n record(s) updated.</source>
        <translation>
            <numerusform>Synchronisatie voltooid: %n gegeven bijgewerkt.</numerusform>
            <numerusform>Synchronisatie voltooid: %n gegevens bijgewerkt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sync finished, but some records could not be fetched. Everything received is shown; the rest will be tried again next time.</source>
        <translation>De synchronisatie is voltooid, maar sommige gegevens konden niet worden opgehaald. Alles wat ontvangen werd, wordt getoond; de rest wordt de volgende keer opnieuw geprobeerd.</translation>
    </message>
    <message>
        <source>Show problems</source>
        <translation>Problemen tonen</translation>
    </message>
    <message>
        <source>Offline — showing the local copy. The hospital server could not be reached.</source>
        <translation>Offline — de lokale kopie wordt getoond. De server van het ziekenhuis was niet bereikbaar.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Sync cancelled; what was received so far is kept.</source>
        <translation>Synchronisatie geannuleerd; wat al ontvangen werd, blijft bewaard.</translation>
    </message>
    <message>
        <source>The sync failed: %1</source>
        <translation>De synchronisatie is mislukt: %1</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <source>Your hospital sign-in has expired. Sign in again to sync; the local copy is still available.</source>
        <translation>Uw aanmelding bij het ziekenhuis is verlopen. Meld u opnieuw aan om te synchroniseren; de lokale kopie blijft beschikbaar.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Opnieuw aanmelden</translation>
    </message>
    <message>
        <source>The hospital refused the credentials of this program. Check the server settings; the local copy is still available.</source>
        <translation>Het ziekenhuis heeft de aanmeldgegevens van dit programma geweigerd. Controleer de serverinstellingen; de lokale kopie blijft beschikbaar.</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Aanmelden mislukt: %1</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Aangemeld.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Er ging iets mis: %1</translation>
    </message>
</context>
<context>
    <name>MedicationComparisonModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Ziekenhuis</translation>
    </message>
    <message>
        <source>GP (your list)</source>
        <translation>Huisarts (uw lijst)</translation>
    </message>
    <message>
        <source>Change (GP → hospital)</source>
        <translation>Wijziging (huisarts → ziekenhuis)</translation>
    </message>
    <message>
        <source>Safety flags</source>
        <translation>Veiligheidswaarschuwingen</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslissing</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Ongewijzigd</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Gewijzigd</translation>
    </message>
    <message>
        <source>New at the hospital</source>
        <translation>Nieuw in het ziekenhuis</translation>
    </message>
    <message>
        <source>Stopped at the hospital</source>
        <translation>Gestopt in het ziekenhuis</translation>
    </message>
    <message>
        <source>GP only</source>
        <translation>Alleen bij de huisarts</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Verderzetten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Modify</source>
        <translation>Aanpassen</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Niet gecontroleerd</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Gestopt: %1</translation>
    </message>
    <message>
        <source>as needed</source>
        <translation>zo nodig</translation>
    </message>
    <message>
        <source>%1x/day</source>
        <translation>%1x/dag</translation>
    </message>
    <message>
        <source>%1x/week</source>
        <translation>%1x/week</translation>
    </message>
    <message>
        <source>every %1 days</source>
        <translation>om de %1 dagen</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reden: %1</translation>
    </message>
    <message>
        <source>Acknowledged (%1)</source>
        <translation>Bevestigd (%1)</translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation>(+%1 meer)</translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation>Bevestigd: %1</translation>
    </message>
    <message>
        <source>Not checked — could not be matched to known ingredients</source>
        <translation>Niet gecontroleerd — kon niet aan gekende werkzame stoffen worden gekoppeld</translation>
    </message>
    <message>
        <source>Your list → the hospital&apos;s list</source>
        <translation>Uw lijst → de lijst van het ziekenhuis</translation>
    </message>
</context>
<context>
    <name>MedicationFileActions</name>
    <message>
        <source>Export KMEHR…</source>
        <translation>Exporteren als KMEHR…</translation>
    </message>
    <message>
        <source>Export as KMEHR medication scheme…</source>
        <translation>Exporteren als KMEHR-medicatieschema…</translation>
    </message>
    <message>
        <source>Export FHIR…</source>
        <translation>Exporteren als FHIR…</translation>
    </message>
    <message>
        <source>Export as Belgian FHIR…</source>
        <translation>Exporteren als Belgische FHIR…</translation>
    </message>
    <message>
        <source>Import a medication list</source>
        <translation>Een medicatielijst importeren</translation>
    </message>
    <message>
        <source>Medication lists (*.xml *.kmehr *.json *.ndjson *.csv *.txt);;All files (*)</source>
        <translation>Medicatielijsten (*.xml *.kmehr *.json *.ndjson *.csv *.txt);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wordt gelezen…</translation>
    </message>
    <message>
        <source>Imported %1 lines from the file.</source>
        <translation>%1 lijnen uit het bestand geïmporteerd.</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Het bestand kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Niet geïmporteerd: %1</translation>
    </message>
    <message>
        <source>The medication list could not be read or written.</source>
        <translation>De medicatielijst kon niet worden gelezen of geschreven.</translation>
    </message>
    <message>
        <source>Export the medication list</source>
        <translation>De medicatielijst exporteren</translation>
    </message>
    <message>
        <source>KMEHR (*.xml)</source>
        <translation>KMEHR (*.xml)</translation>
    </message>
    <message>
        <source>FHIR JSON (*.json)</source>
        <translation>FHIR JSON (*.json)</translation>
    </message>
    <message>
        <source>%1 lines exported to %2</source>
        <translation>%1 lijnen geëxporteerd naar %2</translation>
    </message>
    <message>
        <source>The list could not be exported to %1</source>
        <translation>De lijst kon niet worden geëxporteerd naar %1</translation>
    </message>
    <message>
        <source>Medication list</source>
        <translation>Medicatielijst</translation>
    </message>
</context>
<context>
    <name>MedicationFlagsPanel</name>
    <message>
        <source>Safety flags</source>
        <translation>Veiligheidswaarschuwingen</translation>
    </message>
    <message>
        <source>Flag details</source>
        <translation>Details van de waarschuwing</translation>
    </message>
    <message>
        <source>Acknowledge with a reason…</source>
        <translation>Bevestigen met een reden…</translation>
    </message>
    <message>
        <source>No interaction, duplicate, allergy or kidney-function flag for the medicines that could be checked.</source>
        <translation>Geen waarschuwing voor interactie, dubbelmedicatie, allergie of nierfunctie bij de geneesmiddelen die konden worden gecontroleerd.</translation>
    </message>
    <message>
        <source>Flags: %1, most severe first. Choose one to see its lines.</source>
        <translation>Waarschuwingen: %1, de ernstigste eerst. Kies er een om de betrokken regels te zien.</translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation>Bevestigd: %1</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Effect</translation>
    </message>
    <message>
        <source>Mechanism</source>
        <translation>Mechanisme</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>Aanpak</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Regels</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>Regel: %1</translation>
    </message>
    <message>
        <source>Acknowledged on %1: %2</source>
        <translation>Bevestigd op %1: %2</translation>
    </message>
</context>
<context>
    <name>MedicationToolbar</name>
    <message>
        <source>New prescription</source>
        <translation>Nieuw voorschrift</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Delete (entered by mistake)</source>
        <translation>Verwijderen (foutief ingevoerd)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importeren…</translation>
    </message>
    <message>
        <source>Decide: continue</source>
        <translation>Beslissing: verderzetten</translation>
    </message>
    <message>
        <source>Decide: stop</source>
        <translation>Beslissing: stoppen</translation>
    </message>
    <message>
        <source>Decide: modify</source>
        <translation>Beslissing: aanpassen</translation>
    </message>
    <message>
        <source>Clear decision</source>
        <translation>Beslissing wissen</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporteren als pdf…</translation>
    </message>
    <message>
        <source>Medication actions</source>
        <translation>Acties voor de medicatie</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>Beslissen</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
</context>
<context>
    <name>MedicationView</name>
    <message>
        <source>Medication comparison</source>
        <translation>Vergelijking van de medicatie</translation>
    </message>
    <message>
        <source>Loading the medication…</source>
        <translation>Medicatie laden…</translation>
    </message>
    <message>
        <source>Choose a patient to compare the hospital&apos;s medication with yours.</source>
        <translation>Kies een patiënt om de medicatie van het ziekenhuis met de uwe te vergelijken.</translation>
    </message>
    <message>
        <source>The medication could not be read or saved in the local database.</source>
        <translation>De medicatie kon niet worden gelezen of opgeslagen in de lokale databank.</translation>
    </message>
    <message>
        <source>New prescription (from the hospital&apos;s list)</source>
        <translation>Nieuw voorschrift (op basis van de lijst van het ziekenhuis)</translation>
    </message>
    <message>
        <source>Prescription saved.</source>
        <translation>Voorschrift opgeslagen.</translation>
    </message>
    <message>
        <source>Prescription stopped; it stays as history.</source>
        <translation>Voorschrift gestopt; het blijft in de historiek.</translation>
    </message>
    <message>
        <source>Delete prescription</source>
        <translation>Voorschrift verwijderen</translation>
    </message>
    <message>
        <source>Delete %1? Only for an entry made by mistake: to end a treatment, stop it instead, so it stays as history.</source>
        <translation>%1 verwijderen? Alleen voor een foutieve invoer: om een behandeling te beëindigen, stopt u ze beter, zodat ze in de historiek blijft.</translation>
    </message>
    <message>
        <source>Prescription deleted.</source>
        <translation>Voorschrift verwijderd.</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>De pdf kon niet worden opgeslagen: %1</translation>
    </message>
    <message>
        <source>Reconciliation summary saved to %1</source>
        <translation>Overzicht van de medicatiereconciliatie opgeslagen in %1</translation>
    </message>
    <message>
        <source>Print the medication comparison</source>
        <translation>De medicatievergelijking afdrukken</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Protect your records</source>
        <translation>Bescherm uw dossiers</translation>
    </message>
    <message>
        <source>Hospital records are kept encrypted on this computer. Choose a passphrase to lock them. It cannot be recovered: if it is forgotten, the local copy must be wiped and synced again.</source>
        <translation>De ziekenhuisdossiers worden versleuteld op deze computer bewaard. Kies een wachtzin om ze te vergrendelen. Die kan niet worden hersteld: als u hem vergeet, moet de lokale kopie worden gewist en opnieuw gesynchroniseerd.</translation>
    </message>
    <message>
        <source>The profile will be created in %1</source>
        <translation>Het profiel wordt aangemaakt in %1</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Wachtzin:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Herhalen:</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters. A few unrelated words are easy to type and hard to guess.</source>
        <translation>
            <numerusform>Minstens %n teken. Enkele woorden die niets met elkaar te maken hebben, typt u makkelijk en raadt men moeilijk.</numerusform>
            <numerusform>Minstens %n tekens. Enkele woorden die niets met elkaar te maken hebben, typt u makkelijk en raadt men moeilijk.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: make it longer.</source>
        <translation>Zwak: maak hem langer.</translation>
    </message>
    <message>
        <source>Fair: longer is better.</source>
        <translation>Redelijk: langer is beter.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Sterk.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>De twee wachtzinnen verschillen.</translation>
    </message>
    <message>
        <source>Creating the encrypted profile…</source>
        <translation>Versleuteld profiel aanmaken…</translation>
    </message>
</context>
<context>
    <name>PatientHeader</name>
    <message>
        <source>Allergies</source>
        <translation>Allergieën</translation>
    </message>
    <message>
        <source>Opening the record…</source>
        <translation>Dossier openen…</translation>
    </message>
    <message>
        <source>Patient %1 (no demographic data stored)</source>
        <translation>Patiënt %1 (geen identiteitsgegevens bewaard)</translation>
    </message>
    <message>
        <source>age %1</source>
        <translation>%1 jaar</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Overleden</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>geboren op %1</translation>
    </message>
    <message>
        <source>SSIN %1</source>
        <translation>INSZ %1</translation>
    </message>
    <message>
        <source>no SSIN recorded</source>
        <translation>geen INSZ geregistreerd</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Man</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Vrouw</translation>
    </message>
    <message>
        <source>Other sex</source>
        <translation>Ander geslacht</translation>
    </message>
    <message>
        <source>Sex unknown</source>
        <translation>Geslacht onbekend</translation>
    </message>
    <message>
        <source>Allergies not synced: no allergy information has been received from the hospital.</source>
        <translation>Allergieën niet gesynchroniseerd: er is geen allergie-informatie van het ziekenhuis ontvangen.</translation>
    </message>
    <message>
        <source>No known allergies recorded.</source>
        <translation>Geen gekende allergieën geregistreerd.</translation>
    </message>
    <message>
        <source>Allergies: %1</source>
        <translation>Allergieën: %1</translation>
    </message>
    <message>
        <source>unnamed substance</source>
        <translation>naamloze stof</translation>
    </message>
    <message>
        <source>HIGH criticality</source>
        <translation>HOGE kritikaliteit</translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation>niet bevestigd</translation>
    </message>
</context>
<context>
    <name>PatientListPanel</name>
    <message>
        <source>Search by name, SSIN or birth date (dd/mm/yyyy)</source>
        <translation>Zoeken op naam, INSZ of geboortedatum (dd/mm/jjjj)</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Patiënten zoeken</translation>
    </message>
    <message>
        <source>Type to filter the list; Down goes into the list, Enter opens the first patient, Escape clears</source>
        <translation>Typ om de lijst te filteren; Omlaag gaat naar de lijst, Enter opent de eerste patiënt, Escape wist</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Zoekopdracht wissen</translation>
    </message>
    <message>
        <source>Empties the search field and shows every patient</source>
        <translation>Maakt het zoekveld leeg en toont alle patiënten</translation>
    </message>
    <message>
        <source>New since last view</source>
        <translation>Nieuw sinds laatste inzage</translation>
    </message>
    <message>
        <source>Only patients with documents or results you have not seen yet</source>
        <translation>Alleen patiënten met documenten of resultaten die u nog niet hebt gezien</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patiënten</translation>
    </message>
    <message>
        <source>Your patients; the arrows choose a patient and open their record, Tab leaves the list</source>
        <translation>Uw patiënten; de pijltjes kiezen een patiënt en openen het dossier, Tab verlaat de lijst</translation>
    </message>
    <message numerus="yes">
        <source>Discharged in the last %n day(s)</source>
        <translation>
            <numerusform>Ontslagen in de laatste %n dag</numerusform>
            <numerusform>Ontslagen in de laatste %n dagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Only patients whose latest hospital stay ended recently</source>
        <translation>Alleen patiënten van wie de laatste ziekenhuisopname kort geleden eindigde</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patiënt</numerusform>
            <numerusform>%n patiënten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 patient(s)</source>
        <translation>
            <numerusform>%n patiënt van %1</numerusform>
            <numerusform>%n patiënten van %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Geboren</translation>
    </message>
    <message>
        <source>SSIN</source>
        <translation>INSZ</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Ontslag</translation>
    </message>
    <message>
        <source>Documents and results that arrived since you last opened the patient</source>
        <translation>Documenten en resultaten die binnenkwamen sinds u de patiënt het laatst opende</translation>
    </message>
    <message numerus="yes">
        <source>%n new document(s) or result(s) since you last opened this patient</source>
        <translation>
            <numerusform>%n nieuw document of resultaat sinds u deze patiënt het laatst opende</numerusform>
            <numerusform>%n nieuwe documenten of resultaten sinds u deze patiënt het laatst opende</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new</source>
        <translation>Niets nieuws</translation>
    </message>
</context>
<context>
    <name>PatientView</name>
    <message>
        <source>This patient&apos;s record could not be read from the local database.</source>
        <translation>Het dossier van deze patiënt kon niet uit de lokale databank worden gelezen.</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Documenten</translation>
    </message>
    <message>
        <source>&amp;Lab results</source>
        <translation>&amp;Labo-uitslagen</translation>
    </message>
    <message>
        <source>P&amp;roblems and allergies</source>
        <translation>P&amp;roblemen en allergieën</translation>
    </message>
    <message>
        <source>&amp;Stays</source>
        <translation>&amp;Opnames</translation>
    </message>
    <message>
        <source>&amp;Medication</source>
        <translation>&amp;Medicatie</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Patient record</source>
        <translation>Patiëntendossier</translation>
    </message>
    <message>
        <source>Tabs of the open patient: Ctrl+1 to Ctrl+5, Ctrl+PgDown and Ctrl+PgUp</source>
        <translation>Tabbladen van de geopende patiënt: Ctrl+1 tot Ctrl+5, Ctrl+PgDown en Ctrl+PgUp</translation>
    </message>
</context>
<context>
    <name>PrescriptionEditor</name>
    <message>
        <source>Edit prescription</source>
        <translation>Voorschrift bewerken</translation>
    </message>
    <message>
        <source>New prescription</source>
        <translation>Nieuw voorschrift</translation>
    </message>
    <message>
        <source>Ingredient or brand, with strength (e.g. Amlodipine 5 mg)</source>
        <translation>Werkzame stof of merknaam, met sterkte (bv. Amlodipine 5 mg)</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Geneesmiddel</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>niet vermeld</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>tablet</source>
        <translation>tablet</translation>
    </message>
    <message>
        <source>capsule</source>
        <translation>capsule</translation>
    </message>
    <message>
        <source>drops</source>
        <translation>druppels</translation>
    </message>
    <message>
        <source>puffs</source>
        <translation>inhalaties</translation>
    </message>
    <message>
        <source>sachet</source>
        <translation>zakje</translation>
    </message>
    <message>
        <source>units</source>
        <translation>eenheden</translation>
    </message>
    <message>
        <source>application</source>
        <translation>applicatie</translation>
    </message>
    <message>
        <source>Dose unit</source>
        <translation>Dosiseenheid</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Aantal keer</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>per dag</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>per week</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>as needed</source>
        <translation>zo nodig</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optioneel</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>&amp;Dose:</source>
        <translation>&amp;Dosis:</translation>
    </message>
    <message>
        <source>&amp;Frequency:</source>
        <translation>&amp;Frequentie:</translation>
    </message>
    <message>
        <source>&amp;Medication:</source>
        <translation>&amp;Geneesmiddel:</translation>
    </message>
    <message>
        <source>&amp;Start date:</source>
        <translation>&amp;Startdatum:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Opmerking:</translation>
    </message>
    <message>
        <source>%1x/day</source>
        <translation>%1x/dag</translation>
    </message>
    <message>
        <source>%1x/week</source>
        <translation>%1x/week</translation>
    </message>
</context>
<context>
    <name>PrescriptionList</name>
    <message>
        <source>Your prescriptions</source>
        <translation>Uw voorschriften</translation>
    </message>
    <message>
        <source>Dose and frequency</source>
        <translation>Dosis en frequentie</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Begin</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Einde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestopt</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Niet gecontroleerd</translation>
    </message>
</context>
<context>
    <name>ProblemsIndicator</name>
    <message>
        <source>Sync &amp;problems (%1)…</source>
        <translation>Synchronisatie&amp;problemen (%1)…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be read or fetched: show why</source>
        <translation>
            <numerusform>%n gegeven kon niet gelezen of opgehaald worden: toon waarom</numerusform>
            <numerusform>%n gegevens konden niet gelezen of opgehaald worden: toon waarom</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync &amp;problems…</source>
        <translation>Synchronisatie&amp;problemen…</translation>
    </message>
    <message>
        <source>No sync problems</source>
        <translation>Geen synchronisatieproblemen</translation>
    </message>
</context>
<context>
    <name>ProblemsTab</name>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>Begin</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Opgelost</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verificatie</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Stof</translation>
    </message>
    <message>
        <source>Criticality</source>
        <translation>Kritikaliteit</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Reacties</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Geregistreerd</translation>
    </message>
    <message>
        <source>Allergies and intolerances</source>
        <translation>Allergieën en intoleranties</translation>
    </message>
    <message>
        <source>No problems recorded by the hospital.</source>
        <translation>Geen problemen geregistreerd door het ziekenhuis.</translation>
    </message>
    <message>
        <source>Allergies not synced: nothing was received from the hospital; this is not &apos;no allergies&apos;.</source>
        <translation>Allergieën niet gesynchroniseerd: er werd niets van het ziekenhuis ontvangen; dat betekent niet „geen allergieën”.</translation>
    </message>
    <message>
        <source>No known allergies recorded.</source>
        <translation>Geen gekende allergieën geregistreerd.</translation>
    </message>
    <message>
        <source>(unnamed problem)</source>
        <translation>(naamloos probleem)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Recurrence</source>
        <translation>Recidief</translation>
    </message>
    <message>
        <source>Relapse</source>
        <translation>Herval</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactief</translation>
    </message>
    <message>
        <source>Remission</source>
        <translation>Remissie</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoog</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Laag</translation>
    </message>
    <message>
        <source>Unable to assess</source>
        <translation>Niet te beoordelen</translation>
    </message>
    <message>
        <source>(unnamed substance)</source>
        <translation>(naamloze stof)</translation>
    </message>
    <message>
        <source>No known allergy (recorded statement)</source>
        <translation>Geen gekende allergie (geregistreerde verklaring)</translation>
    </message>
    <message>
        <source>Inactive or refuted</source>
        <translation>Inactief of weerlegd</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bevestigd</translation>
    </message>
    <message>
        <source>Provisional</source>
        <translation>Voorlopig</translation>
    </message>
    <message>
        <source>Differential</source>
        <translation>Differentiaaldiagnose</translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation>Niet bevestigd</translation>
    </message>
    <message>
        <source>Refuted</source>
        <translation>Weerlegd</translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation>Foutief ingevoerd</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>licht</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>matig</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>ernstig</translation>
    </message>
</context>
<context>
    <name>ReadyPage</name>
    <message>
        <source>Ready</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Consult Desktop will now fetch the records of the patients you follow. This may take a few minutes the first time; you can use the program meanwhile.</source>
        <translation>Consult Desktop haalt nu de dossiers op van de patiënten die u volgt. De eerste keer kan dat enkele minuten duren; u kunt het programma intussen gebruiken.</translation>
    </message>
    <message>
        <source>Other hospitals that share patients with you can be added later under File &gt; Settings &gt; Hospitals.</source>
        <translation>Andere ziekenhuizen die patiënten met u delen, kunt u later toevoegen via Bestand &gt; Instellingen &gt; Ziekenhuizen.</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
</context>
<context>
    <name>ReconciliationReport</name>
    <message>
        <source>Unknown patient</source>
        <translation>Onbekende patiënt</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>geboren op %1</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Effect</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>Aanpak</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Acknowledged on %1: %2</source>
        <translation>Bevestigd op %1: %2</translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation>Niet bevestigd</translation>
    </message>
    <message>
        <source>Hospital list: %1.</source>
        <translation>Lijst van het ziekenhuis: %1.</translation>
    </message>
    <message>
        <source>Active hospital prescriptions written after this list (a newer stay), not part of the comparison: %1.</source>
        <translation>Actieve ziekenhuisvoorschriften van na deze lijst (een recentere opname), niet opgenomen in de vergelijking: %1.</translation>
    </message>
    <message>
        <source>Checked with %1.</source>
        <translation>Gecontroleerd met: %1.</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>ziekenhuis</translation>
    </message>
    <message>
        <source>GP</source>
        <translation>huisarts</translation>
    </message>
    <message>
        <source>Not checked — could not be matched to known ingredients: %1</source>
        <translation>Niet gecontroleerd — kon niet aan gekende werkzame stoffen worden gekoppeld: %1</translation>
    </message>
    <message>
        <source>discharge medication of %1</source>
        <translation>ontslagmedicatie van %1</translation>
    </message>
    <message>
        <source>current medication (the hospital sent no discharge list)</source>
        <translation>huidige medicatie (het ziekenhuis stuurde geen ontslagmedicatie)</translation>
    </message>
    <message>
        <source>no hospital medication stored</source>
        <translation>geen ziekenhuismedicatie bewaard</translation>
    </message>
    <message>
        <source>no medication allergy recorded</source>
        <translation>geen geneesmiddelenallergie geregistreerd</translation>
    </message>
    <message>
        <source>eGFR %1 %2 on %3</source>
        <translation>eGFR %1 %2 op %3</translation>
    </message>
    <message>
        <source>no eGFR stored</source>
        <translation>geen eGFR bewaard</translation>
    </message>
    <message>
        <source>allergies: %1; %2</source>
        <translation>allergieën: %1; %2</translation>
    </message>
    <message>
        <source>Consult Desktop medication knowledge base %1, CC BY 4.0. It supports, and does not replace, the judgement of the prescriber.</source>
        <translation>Kennisbank over geneesmiddelen van Consult Desktop %1, CC BY 4.0. Ze ondersteunt het oordeel van de voorschrijver, maar vervangt het niet.</translation>
    </message>
    <message>
        <source>Export the reconciliation summary</source>
        <translation>Het overzicht van de medicatiereconciliatie exporteren</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Pdf-documenten (*.pdf)</translation>
    </message>
    <message>
        <source>Medication reconciliation</source>
        <translation>Medicatiereconciliatie</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Hospital list</source>
        <translation>Lijst van het ziekenhuis</translation>
    </message>
    <message>
        <source>Checked with</source>
        <translation>Gecontroleerd met</translation>
    </message>
    <message>
        <source>No medication on either list.</source>
        <translation>Geen medicatie op de ene of de andere lijst.</translation>
    </message>
    <message>
        <source>Safety flags</source>
        <translation>Veiligheidswaarschuwingen</translation>
    </message>
    <message>
        <source>No flag for the medicines that could be checked.</source>
        <translation>Geen waarschuwing bij de geneesmiddelen die konden worden gecontroleerd.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Pagina %1 van %2</translation>
    </message>
    <message>
        <source>SSIN %1</source>
        <translation>INSZ %1</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>Opgesteld door</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <source>Who uses this program?</source>
        <translation>Wie gebruikt dit programma?</translation>
    </message>
    <message>
        <source>The hospital sends only what your profession needs.</source>
        <translation>Het ziekenhuis stuurt alleen wat uw beroep nodig heeft.</translation>
    </message>
    <message>
        <source>General practitioner</source>
        <translation>Huisarts</translation>
    </message>
    <message>
        <source>The full hospital record: letters and reports, results, medication, problems.</source>
        <translation>Het volledige ziekenhuisdossier: brieven en verslagen, resultaten, medicatie, problemen.</translation>
    </message>
    <message>
        <source>Home-care nurse</source>
        <translation>Thuisverpleegkundige</translation>
    </message>
    <message>
        <source>Medication, allergies, results, and discharge, nursing and care-plan documents.</source>
        <translation>Medicatie, allergieën, resultaten, en ontslag-, verpleeg- en zorgplandocumenten.</translation>
    </message>
    <message>
        <source>Physiotherapist</source>
        <translation>Kinesitherapeut</translation>
    </message>
    <message>
        <source>Stays, problems, procedures, and discharge, surgery, imaging and physiotherapy notes.</source>
        <translation>Opnames, problemen, ingrepen, en ontslag-, operatie-, beeldvormings- en kinesitherapienota&apos;s.</translation>
    </message>
</context>
<context>
    <name>ServerForm</name>
    <message>
        <source>Sign in with my hospital account (browser)</source>
        <translation>Aanmelden met mijn ziekenhuisaccount (browser)</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Toegangstoken</translation>
    </message>
    <message>
        <source>Client credentials (practice system account)</source>
        <translation>Clientgegevens (systeemaccount van de praktijk)</translation>
    </message>
    <message>
        <source>None (demo server on this computer)</source>
        <translation>Geen (demoserver op deze computer)</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Clientgeheim</translation>
    </message>
    <message>
        <source>Client secret (in the request body)</source>
        <translation>Clientgeheim (in de inhoud van het verzoek)</translation>
    </message>
    <message>
        <source>Private key (signed assertion)</source>
        <translation>Privésleutel (ondertekende verklaring)</translation>
    </message>
    <message>
        <source>Choose key file…</source>
        <translation>Sleutelbestand kiezen…</translation>
    </message>
    <message>
        <source>General practitioner</source>
        <translation>Huisarts</translation>
    </message>
    <message>
        <source>Home-care nurse</source>
        <translation>Thuisverpleegkundige</translation>
    </message>
    <message>
        <source>Physiotherapist</source>
        <translation>Kinesitherapeut</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Aanmelden…</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>Certificaten van het systeem</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Serveradres:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authenticatie:</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>Client-id:</translation>
    </message>
    <message>
        <source>Client authentication:</source>
        <translation>Clientauthenticatie:</translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation>Clientgeheim:</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Privésleutel:</translation>
    </message>
    <message>
        <source>Key id:</source>
        <translation>Sleutel-id:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Toegangstoken:</translation>
    </message>
    <message>
        <source>I am a:</source>
        <translation>Ik ben:</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Geavanceerd</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Scopes:</translation>
    </message>
    <message>
        <source>Token URL:</source>
        <translation>Token-URL:</translation>
    </message>
    <message>
        <source>Authorization URL:</source>
        <translation>Autorisatie-URL:</translation>
    </message>
    <message>
        <source>CA certificates file:</source>
        <translation>Bestand met CA-certificaten:</translation>
    </message>
    <message>
        <source>(stored; leave empty to keep)</source>
        <translation>(bewaard; leeg laten om te behouden)</translation>
    </message>
    <message>
        <source>A key is stored.</source>
        <translation>Er is een sleutel bewaard.</translation>
    </message>
    <message>
        <source>Enter the address of the hospital&apos;s FHIR server.</source>
        <translation>Vul het adres van de FHIR-server van het ziekenhuis in.</translation>
    </message>
    <message>
        <source>Enter the access token given by the hospital.</source>
        <translation>Vul het toegangstoken in dat het ziekenhuis u gaf.</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privésleutel</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>PEM-sleutels (*.pem *.key);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>The key file could not be read.</source>
        <translation>Het sleutelbestand kon niet worden gelezen.</translation>
    </message>
    <message>
        <source>This file does not contain a private key in PEM format.</source>
        <translation>Dit bestand bevat geen privésleutel in PEM-formaat.</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Connect to the hospital</source>
        <translation>Verbinding met het ziekenhuis</translation>
    </message>
    <message>
        <source>The hospital&apos;s IT department gives you the server address and tells you how to sign in.</source>
        <translation>De IT-dienst van het ziekenhuis geeft u het serveradres en legt uit hoe u zich aanmeldt.</translation>
    </message>
    <message>
        <source>Saving the server settings…</source>
        <translation>Serverinstellingen opslaan…</translation>
    </message>
    <message>
        <source>Complete the sign-in in your browser…</source>
        <translation>Voltooi de aanmelding in uw browser…</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Aangemeld.</translation>
    </message>
    <message>
        <source>The profile is locked.</source>
        <translation>Het profiel is vergrendeld.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Zoals het systeem</translation>
    </message>
    <message>
        <source>A new language applies at once.</source>
        <translation>Een nieuwe taal geldt meteen.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nooit</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Only when I ask</source>
        <translation>Alleen als ik het vraag</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagen</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Taal:</translation>
    </message>
    <message>
        <source>Lock after inactivity:</source>
        <translation>Vergrendelen na inactiviteit van:</translation>
    </message>
    <message>
        <source>Sync automatically every:</source>
        <translation>Automatisch synchroniseren om de:</translation>
    </message>
    <message>
        <source>“Recently discharged” means within:</source>
        <translation>„Recent ontslagen” betekent binnen:</translation>
    </message>
    <message>
        <source>Save, then sign in through your browser</source>
        <translation>Opslaan en daarna aanmelden in de browser</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Algemeen</translation>
    </message>
    <message>
        <source>Hospital server</source>
        <translation>Ziekenhuisserver</translation>
    </message>
    <message>
        <source>Hospitals</source>
        <translation>Ziekenhuizen</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>Your name (printed on exports)</source>
        <translation>Uw naam (afgedrukt op exports)</translation>
    </message>
    <message>
        <source>Dr. First Last</source>
        <translation>Dr. Voornaam Achternaam</translation>
    </message>
    <message>
        <source>Your name (printed on exports):</source>
        <translation>Uw naam (afgedrukt op exports):</translation>
    </message>
</context>
<context>
    <name>SeverityNames</name>
    <message>
        <source>Contraindicated</source>
        <translation>Gecontra-indiceerd</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Ernstig</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Matig</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Gering</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>Interactie</translation>
    </message>
    <message>
        <source>Duplicate therapy</source>
        <translation>Dubbelmedicatie</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>Allergie</translation>
    </message>
    <message>
        <source>Kidney function</source>
        <translation>Nierfunctie</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Starting the demo hospital…</source>
        <translation>Demoziekenhuis starten…</translation>
    </message>
    <message>
        <source>The demo could not start: %1</source>
        <translation>De demo kon niet starten: %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Where each shortcut works, what it does and its keys</source>
        <translation>Waar elke sneltoets werkt, wat hij doet en de toetsen</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
</context>
<context>
    <name>StopPrescriptionDialog</name>
    <message>
        <source>Stop prescription</source>
        <translation>Voorschrift stoppen</translation>
    </message>
    <message>
        <source>Stop %1? It stays in the list as history.</source>
        <translation>%1 stoppen? Het voorschrift blijft als historiek in de lijst.</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Einddatum</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optioneel</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>End date:</source>
        <translation>Einddatum:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reden:</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>The profile is locked.</source>
        <translation>Het profiel is vergrendeld.</translation>
    </message>
</context>
<context>
    <name>SyncProblemsDialog</name>
    <message>
        <source>Sync problems</source>
        <translation>Synchronisatieproblemen</translation>
    </message>
    <message>
        <source>These records were received from the hospital but could not be read. They are kept aside and are not shown in the patients&apos; files. A later sync replaces them when the hospital sends a corrected version.</source>
        <translation>Deze gegevens werden van het ziekenhuis ontvangen maar konden niet worden gelezen. Ze worden apart bewaard en niet in de patiëntendossiers getoond. Een latere synchronisatie vervangt ze wanneer het ziekenhuis een verbeterde versie stuurt.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>Lijst kopiëren</translation>
    </message>
    <message>
        <source>The last sync reported:</source>
        <translation>De laatste synchronisatie meldde:</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… en nog %n</numerusform>
            <numerusform>… en nog %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) kept aside</source>
        <translation>
            <numerusform>%n gegeven apart bewaard</numerusform>
            <numerusform>%n gegevens apart bewaard</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems: every record received could be read.</source>
        <translation>Geen problemen: alle ontvangen gegevens konden worden gelezen.</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Stop the sync; what was received so far is kept</source>
        <translation>De synchronisatie stoppen; wat al ontvangen is, blijft bewaard</translation>
    </message>
    <message>
        <source>Offline — showing the local copy</source>
        <translation>Offline — lokale kopie wordt getoond</translation>
    </message>
    <message>
        <source>Online — sign-in needed</source>
        <translation>Online — aanmelden nodig</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nooit gesynchroniseerd</translation>
    </message>
    <message>
        <source>Last synced just now</source>
        <translation>Zonet gesynchroniseerd</translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n minute(s) ago</source>
        <translation>
            <numerusform>%n minuut geleden gesynchroniseerd</numerusform>
            <numerusform>%n minuten geleden gesynchroniseerd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n hour(s) ago</source>
        <translation>
            <numerusform>%n uur geleden gesynchroniseerd</numerusform>
            <numerusform>%n uur geleden gesynchroniseerd</numerusform>
        </translation>
    </message>
    <message>
        <source>Last synced on %1</source>
        <translation>Laatst gesynchroniseerd op %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patiënten</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Clean-up</source>
        <translation>Opruimen</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Afronden</translation>
    </message>
    <message>
        <source>New patients</source>
        <translation>Nieuwe patiënten</translation>
    </message>
    <message>
        <source>Waiting for the hospital</source>
        <translation>Wachten op het ziekenhuis</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 van %3</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annuleren…</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Trend chart</source>
        <translation>Trendgrafiek</translation>
    </message>
    <message>
        <source>%1: values drawn: %2, last %3 %4</source>
        <translation>%1: getekende waarden: %2, laatste %3 %4</translation>
    </message>
    <message>
        <source>Select a result to see its trend.</source>
        <translation>Kies een resultaat om het verloop ervan te zien.</translation>
    </message>
    <message>
        <source>No numeric values to draw for this result.</source>
        <translation>Geen numerieke waarden om voor dit resultaat te tekenen.</translation>
    </message>
    <message>
        <source>%1 (not drawn: %2)</source>
        <translation>%1 (niet getekend: %2)</translation>
    </message>
    <message>
        <source>low</source>
        <translation>laag</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoog</translation>
    </message>
    <message>
        <source>critically low</source>
        <translation>kritiek laag</translation>
    </message>
    <message>
        <source>critically high</source>
        <translation>kritiek hoog</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritiek</translation>
    </message>
    <message>
        <source>abnormal</source>
        <translation>afwijkend</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Consult Desktop</source>
        <translation>Consult Desktop ontgrendelen</translation>
    </message>
    <message>
        <source>Consult Desktop is locked</source>
        <translation>Consult Desktop is vergrendeld</translation>
    </message>
    <message>
        <source>The records stay encrypted while the program is locked.</source>
        <translation>De dossiers blijven versleuteld zolang het programma vergrendeld is.</translation>
    </message>
    <message>
        <source>Your patients&apos; records are stored encrypted on this computer.</source>
        <translation>De dossiers van uw patiënten worden versleuteld op deze computer bewaard.</translation>
    </message>
    <message>
        <source>Enter your passphrase to open them.</source>
        <translation>Vul uw wachtzin in om ze te openen.</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profiel: %1</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtzin</translation>
    </message>
    <message>
        <source>Demo mode: the passphrase is “%1”.</source>
        <translation>Demomodus: de wachtzin is „%1”.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Vul uw wachtzin in.</translation>
    </message>
    <message numerus="yes">
        <source>Several wrong attempts: checking again in %n second(s)…</source>
        <translation>
            <numerusform>Meerdere foute pogingen: opnieuw controleren over %n seconde…</numerusform>
            <numerusform>Meerdere foute pogingen: opnieuw controleren over %n seconden…</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening the profile…</source>
        <translation>Profiel openen…</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check Caps Lock and try again.</source>
        <translation>Verkeerde wachtzin. Controleer Caps Lock en probeer opnieuw.</translation>
    </message>
    <message>
        <source>The profile could not be opened: %1</source>
        <translation>Het profiel kon niet worden geopend: %1</translation>
    </message>
</context>
<context>
    <name>WindowKeyboard</name>
    <message>
        <source>Show the tab %1</source>
        <translation>Tabblad %1 tonen</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>Volgend tabblad</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Vorig tabblad</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <source>Patient list</source>
        <translation>Patiëntenlijst</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>From the search field into the list</source>
        <translation>Van het zoekveld naar de lijst</translation>
    </message>
    <message>
        <source>Open the first patient found</source>
        <translation>De eerste gevonden patiënt openen</translation>
    </message>
    <message>
        <source>From the list to the open patient&apos;s record</source>
        <translation>Van de lijst naar het dossier van de geopende patiënt</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Zoekopdracht wissen</translation>
    </message>
    <message>
        <source>Choose a patient (opens their record)</source>
        <translation>Een patiënt kiezen (opent het dossier)</translation>
    </message>
    <message>
        <source>Leave the list</source>
        <translation>De lijst verlaten</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Volgende overeenkomst</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorige overeenkomst</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>De zoekbalk sluiten</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Overal</translation>
    </message>
    <message>
        <source>Open patient</source>
        <translation>Geopende patiënt</translation>
    </message>
</context>
<context>
    <name>WipeWorkstationDialog</name>
    <message>
        <source>Wipe this workstation</source>
        <translation>Deze werkpost wissen</translation>
    </message>
    <message>
        <source>This removes every patient record that Consult Desktop keeps on this computer: the encrypted database, its key file and the key kept in the system keychain, in %1. It cannot be undone. The hospital keeps its records: you can set up the program again later and sync.</source>
        <translation>Hiermee worden alle patiëntendossiers verwijderd die Consult Desktop op deze computer bewaart: de versleutelde databank, het sleutelbestand en de sleutel in de sleutelhanger van het systeem, in %1. Dit kan niet ongedaan worden gemaakt. Het ziekenhuis bewaart zijn dossiers: u kunt het programma later opnieuw instellen en synchroniseren.</translation>
    </message>
    <message>
        <source>Type %1 to confirm:</source>
        <translation>Typ %1 om te bevestigen:</translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>The running sync did not stop; nothing was removed.</source>
        <translation>De lopende synchronisatie is niet gestopt; er werd niets verwijderd.</translation>
    </message>
    <message>
        <source>some files are still there</source>
        <translation>sommige bestanden zijn er nog</translation>
    </message>
    <message>
        <source>The profile could not be removed completely: %1</source>
        <translation>Het profiel kon niet volledig worden verwijderd: %1</translation>
    </message>
</context>
</TS>
