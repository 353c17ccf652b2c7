<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Consult Desktop</source>
        <translation>À propos de Consult Desktop</translation>
    </message>
    <message>
        <source>Hospital records of your patients, available offline in an encrypted local profile.</source>
        <translation>Les dossiers hospitaliers de vos patients, disponibles hors ligne dans un profil local chiffré.</translation>
    </message>
    <message>
        <source>Database encryption: SQLCipher %1</source>
        <translation>Chiffrement de la base de données : SQLCipher %1</translation>
    </message>
    <message>
        <source>Database encryption: SQLCipher 4 (unlock the profile to see its exact version)</source>
        <translation>Chiffrement de la base de données : SQLCipher 4 (déverrouillez le profil pour voir sa version exacte)</translation>
    </message>
    <message>
        <source>Open licence texts</source>
        <translation>Ouvrir les textes des licences</translation>
    </message>
    <message>
        <source>The licence texts are installed with the program.</source>
        <translation>Les textes des licences sont installés avec le programme.</translation>
    </message>
    <message>
        <source>Qt and Qt for Python (PySide6, Shiboken6) are used under the GNU Lesser General Public License version 3. They are not modified and are dynamically linked: each Qt library, plugin and binding is a separate file in the program folder, which you may replace with your own build of a compatible version. The source code is available at %1 and %2.</source>
        <translation>Qt et Qt for Python (PySide6, Shiboken6) sont utilisés sous la licence GNU Lesser General Public License version 3. Ils ne sont pas modifiés et sont liés dynamiquement : chaque bibliothèque, extension et liaison Qt est un fichier distinct dans le dossier du programme, que vous pouvez remplacer par votre propre compilation d&apos;une version compatible. Le code source est disponible sur %1 et %2.</translation>
    </message>
    <message>
        <source>The medication knowledge base was written by the Consult Desktop project and is licensed under the Creative Commons Attribution 4.0 International licence (%1).</source>
        <translation>La base de connaissances des médicaments a été rédigée par le projet Consult Desktop et est publiée sous la licence Creative Commons Attribution 4.0 International (%1).</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
</context>
<context>
    <name>AccessLog</name>
    <message>
        <source>Opened patient</source>
        <translation>Patient ouvert</translation>
    </message>
    <message>
        <source>Opened document</source>
        <translation>Document ouvert</translation>
    </message>
    <message>
        <source>Profile created</source>
        <translation>Profil créé</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Phrase secrète modifiée</translation>
    </message>
    <message>
        <source>Server configured</source>
        <translation>Serveur configuré</translation>
    </message>
    <message>
        <source>Signed in to the hospital</source>
        <translation>Connecté à l&apos;hôpital</translation>
    </message>
    <message>
        <source>Synchronised</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Déverrouillé</translation>
    </message>
    <message>
        <source>Warning acknowledged</source>
        <translation>Avertissement pris en compte</translation>
    </message>
    <message>
        <source>Medication decision recorded</source>
        <translation>Décision de médication enregistrée</translation>
    </message>
    <message>
        <source>GP prescription saved</source>
        <translation>Prescription du médecin traitant enregistrée</translation>
    </message>
    <message>
        <source>GP prescription stopped</source>
        <translation>Prescription du médecin traitant arrêtée</translation>
    </message>
    <message>
        <source>GP prescription deleted (entered by mistake)</source>
        <translation>Prescription du médecin traitant supprimée (saisie erronée)</translation>
    </message>
    <message>
        <source>Medication list imported</source>
        <translation>Liste de médication importée</translation>
    </message>
    <message>
        <source>Medication list exported</source>
        <translation>Liste de médication exportée</translation>
    </message>
    <message>
        <source>Medication comparison exported as PDF</source>
        <translation>Comparaison de la médication exportée en PDF</translation>
    </message>
    <message>
        <source>Medication comparison printed</source>
        <translation>Comparaison de la médication imprimée</translation>
    </message>
    <message>
        <source>Patient&apos;s local record removed (no longer shared)</source>
        <translation>Dossier local du patient supprimé (plus partagé)</translation>
    </message>
    <message>
        <source>Document printed</source>
        <translation>Document imprimé</translation>
    </message>
    <message>
        <source>Document saved to a file</source>
        <translation>Document enregistré dans un fichier</translation>
    </message>
    <message>
        <source>Lab results printed</source>
        <translation>Résultats de laboratoire imprimés</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Paramètres modifiés</translation>
    </message>
    <message>
        <source>Own data backed up to a file</source>
        <translation>Données propres sauvegardées dans un fichier</translation>
    </message>
    <message>
        <source>Own data restored from a backup</source>
        <translation>Données propres restaurées depuis une sauvegarde</translation>
    </message>
    <message>
        <source>Hospital server removed</source>
        <translation>Serveur hospitalier retiré</translation>
    </message>
    <message>
        <source>Access log exported</source>
        <translation>Journal des accès exporté</translation>
    </message>
    <message>
        <source>Other event</source>
        <translation>Autre événement</translation>
    </message>
    <message>
        <source>continue</source>
        <translation>poursuivre</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>arrêter</translation>
    </message>
    <message>
        <source>modify</source>
        <translation>adapter</translation>
    </message>
    <message>
        <source>decision cleared</source>
        <translation>décision effacée</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>démo</translation>
    </message>
    <message>
        <source>a document no longer in the local record</source>
        <translation>un document qui n&apos;est plus dans le dossier local</translation>
    </message>
</context>
<context>
    <name>AccessLogDialog</name>
    <message>
        <source>Access log</source>
        <translation>Journal des accès</translation>
    </message>
    <message>
        <source>Everything opened on this computer with this profile, most recent first. The log stays in the encrypted profile.</source>
        <translation>Tout ce qui a été ouvert sur cet ordinateur avec ce profil, du plus récent au plus ancien. Le journal reste dans le profil chiffré.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Hospital told</source>
        <translation>Hôpital informé</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Transmis</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Patient :</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>P&amp;ériode :</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Show the entries of one patient</source>
        <translation>Afficher les entrées d&apos;un patient</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Show the entries of a recent period</source>
        <translation>Afficher les entrées d&apos;une période récente</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Toute la période</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>All patients</source>
        <translation>Tous les patients</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Document or file</source>
        <translation>Document ou fichier</translation>
    </message>
    <message>
        <source>Access log entries</source>
        <translation>Entrées du journal des accès</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>Save the entries shown as a CSV file (the export is logged)</source>
        <translation>Enregistrer les entrées affichées dans un fichier CSV (l&apos;export est journalisé)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>A patient no longer in the local record (%1)</source>
        <translation>Un patient qui n&apos;est plus dans le dossier local (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n entrée</numerusform>
            <numerusform>%n entrées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The most recent %n entries</source>
        <translation>
            <numerusform>La dernière entrée</numerusform>
            <numerusform>Les %n entrées les plus récentes</numerusform>
        </translation>
    </message>
    <message>
        <source>access-log</source>
        <translation>journal-des-acces</translation>
    </message>
    <message>
        <source>Export the access log</source>
        <translation>Exporter le journal des accès</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L&apos;export a échoué : %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporté vers %1</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>More actions</source>
        <translation>Plus d&apos;actions</translation>
    </message>
    <message>
        <source>Shows the actions that do not fit in the tool bar</source>
        <translation>Affiche les actions qui ne tiennent pas dans la barre d&apos;outils</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>Plus de menus</translation>
    </message>
    <message>
        <source>Shows the menus that do not fit in the menu bar</source>
        <translation>Affiche les menus qui ne tiennent pas dans la barre de menus</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Tout sélectionner</translation>
    </message>
    <message>
        <source>Selects every cell of the table</source>
        <translation>Sélectionne toutes les cellules du tableau</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Empties the field</source>
        <translation>Vide le champ</translation>
    </message>
</context>
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>Acknowledge a flag</source>
        <translation>Prendre en compte une alerte</translation>
    </message>
    <message>
        <source>Why this is accepted for this patient (stored and audited)</source>
        <translation>Pourquoi c&apos;est acceptable pour ce patient (enregistré et tracé)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Prendre en compte</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motif :</translation>
    </message>
</context>
<context>
    <name>AddHospitalDialog</name>
    <message>
        <source>Add a hospital</source>
        <translation>Ajouter un hôpital</translation>
    </message>
    <message>
        <source>Hospital name</source>
        <translation>Nom de l&apos;hôpital</translation>
    </message>
    <message>
        <source>The name shown beside its records (default: its address)</source>
        <translation>Le nom affiché à côté de ses données (par défaut : son adresse)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
</context>
<context>
    <name>ContraindicationDialog</name>
    <message>
        <source>Contraindicated medication</source>
        <translation>Médication contre-indiquée</translation>
    </message>
    <message>
        <source>The medication of %1 combines medicines that must not be taken together:</source>
        <translation>La médication de %1 associe des médicaments qui ne doivent pas être pris ensemble :</translation>
    </message>
    <message>
        <source>this patient</source>
        <translation>ce patient</translation>
    </message>
    <message>
        <source>Contraindicated combinations</source>
        <translation>Associations contre-indiquées</translation>
    </message>
    <message>
        <source>Management: %1</source>
        <translation>Conduite à tenir : %1</translation>
    </message>
    <message>
        <source>Reason, to acknowledge (stored and audited)</source>
        <translation>Motif, pour prendre en compte (enregistré et tracé)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Prendre en compte</translation>
    </message>
    <message>
        <source>Show the medication</source>
        <translation>Afficher la médication</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motif :</translation>
    </message>
    <message>
        <source>The medication of %1 contains medicines that must not be used at this kidney function:</source>
        <translation>La médication de %1 contient des médicaments à ne pas utiliser avec cette fonction rénale :</translation>
    </message>
    <message>
        <source>The medication of %1 contains medicines the patient must not take because of a recorded allergy:</source>
        <translation>La médication de %1 contient des médicaments que le patient ne doit pas prendre en raison d&apos;une allergie enregistrée :</translation>
    </message>
    <message>
        <source>The medication of %1 contains a dose that must not be given:</source>
        <translation>La médication de %1 contient une dose à ne pas administrer :</translation>
    </message>
    <message>
        <source>The medication of %1 contains medicines that must not be used:</source>
        <translation>La médication de %1 contient des médicaments à ne pas utiliser :</translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>Consult Desktop could not finish this action because of an unexpected error. The data already stored is intact. If it happens again, please tell your support, with the time it happened (the error log contains no patient data).</source>
        <translation>Consult Desktop n&apos;a pas pu terminer cette action à cause d&apos;une erreur inattendue. Les données déjà conservées sont intactes. Si cela se reproduit, prévenez votre support informatique en indiquant l&apos;heure à laquelle c&apos;est arrivé (le journal des erreurs ne contient aucune donnée de patient).</translation>
    </message>
</context>
<context>
    <name>CumulativeLabModel</name>
    <message>
        <source>Test</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nouveau : %1</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>Imprimer %1</translation>
    </message>
    <message>
        <source>This document has no file stored on this computer to save.</source>
        <translation>Ce document n&apos;a pas de fichier enregistré sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Save a copy outside the encrypted store</source>
        <translation>Enregistrer une copie hors du stockage chiffré</translation>
    </message>
    <message>
        <source>The copy is an ordinary file: anyone who can open the folder where you save it can read it. Save it only where your practice keeps patient records.</source>
        <translation>La copie est un fichier ordinaire : toute personne qui peut ouvrir le dossier où vous l&apos;enregistrez peut la lire. Enregistrez-la uniquement là où votre cabinet conserve les dossiers des patients.</translation>
    </message>
    <message>
        <source>Save the document as</source>
        <translation>Enregistrer le document sous</translation>
    </message>
    <message>
        <source>The hospital&apos;s file (*%1)</source>
        <translation>Fichier de l&apos;hôpital (*%1)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>The document could not be saved to %1</source>
        <translation>Le document n&apos;a pas pu être enregistré dans %1</translation>
    </message>
    <message>
        <source>The document could not be read from the local database.</source>
        <translation>Le document n&apos;a pas pu être lu dans la base de données locale.</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
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
        <translation>Séjour</translation>
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
        <translation>Texte</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Other format</source>
        <translation>Autre format</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>Format : %1</translation>
    </message>
    <message>
        <source>No attached file</source>
        <translation>Aucun fichier joint</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Statut : %1</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nouveau : %1</translation>
    </message>
    <message>
        <source>New since you last opened this patient</source>
        <translation>Nouveau depuis votre dernière ouverture de ce patient</translation>
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
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Pleine largeur</translation>
    </message>
    <message>
        <source>Fit the page to the width of the viewer</source>
        <translation>Ajuster la page à la largeur de la visionneuse</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Rechercher…</translation>
    </message>
    <message>
        <source>Find in document (Ctrl+F)</source>
        <translation>Rechercher dans le document (Ctrl+F)</translation>
    </message>
    <message>
        <source>Select a document to read it.</source>
        <translation>Sélectionnez un document pour le lire.</translation>
    </message>
    <message>
        <source>Opening the document…</source>
        <translation>Ouverture du document…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>This PDF is password-protected and cannot be shown.</source>
        <translation>Ce PDF est protégé par un mot de passe et ne peut pas être affiché.</translation>
    </message>
    <message>
        <source>This PDF could not be opened: the file appears to be damaged.</source>
        <translation>Ce PDF n&apos;a pas pu être ouvert : le fichier semble endommagé.</translation>
    </message>
    <message>
        <source>This image could not be decoded.</source>
        <translation>Cette image n&apos;a pas pu être décodée.</translation>
    </message>
    <message>
        <source>The content of this document could not be fetched from the hospital.</source>
        <translation>Le contenu de ce document n&apos;a pas pu être récupéré auprès de l&apos;hôpital.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motif : %1</translation>
    </message>
    <message>
        <source>Ask the hospital for this document by another route.</source>
        <translation>Demandez ce document à l&apos;hôpital par une autre voie.</translation>
    </message>
    <message>
        <source>It will be fetched again at the next synchronisation.</source>
        <translation>Il sera à nouveau demandé lors de la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>The content of this document has not been downloaded from the hospital yet.</source>
        <translation>Le contenu de ce document n&apos;a pas encore été téléchargé depuis l&apos;hôpital.</translation>
    </message>
    <message>
        <source>This document&apos;s format (%1) cannot be shown here.</source>
        <translation>Le format de ce document (%1) ne peut pas être affiché ici.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>This document is no longer stored on this computer.</source>
        <translation>Ce document n&apos;est plus conservé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>This document has no content to show.</source>
        <translation>Ce document n&apos;a pas de contenu à afficher.</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Search in this patient&apos;s documents</source>
        <translation>Rechercher dans les documents de ce patient</translation>
    </message>
    <message>
        <source>Search in documents</source>
        <translation>Rechercher dans les documents</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Show all documents</source>
        <translation>Afficher tous les documents</translation>
    </message>
    <message>
        <source>Documents of the stay %1</source>
        <translation>Documents du séjour %1</translation>
    </message>
    <message>
        <source>The document could not be opened from the local database.</source>
        <translation>Le document n&apos;a pas pu être ouvert depuis la base de données locale.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>The search could not be run.</source>
        <translation>La recherche n&apos;a pas pu être effectuée.</translation>
    </message>
    <message>
        <source>Documents found: %1. Choose one to open it; clear the search for the whole list.</source>
        <translation>Documents trouvés : %1. Choisissez-en un pour l&apos;ouvrir ; effacez la recherche pour revoir toute la liste.</translation>
    </message>
    <message>
        <source>No document contains these words.</source>
        <translation>Aucun document ne contient ces mots.</translation>
    </message>
    <message>
        <source>No documents stored for this patient.</source>
        <translation>Aucun document conservé pour ce patient.</translation>
    </message>
    <message>
        <source>Documents: %1</source>
        <translation>Documents : %1</translation>
    </message>
    <message>
        <source>%1 of %2 documents</source>
        <translation>%1 documents sur %2</translation>
    </message>
    <message>
        <source>New only</source>
        <translation>Nouveaux seulement</translation>
    </message>
    <message>
        <source>Only the documents that arrived since you last opened this patient</source>
        <translation>Seulement les documents arrivés depuis votre dernière ouverture de ce patient</translation>
    </message>
    <message>
        <source>Show only new documents</source>
        <translation>Afficher seulement les nouveaux documents</translation>
    </message>
</context>
<context>
    <name>EncountersTab</name>
    <message>
        <source>Stays and visits</source>
        <translation>Séjours et consultations</translation>
    </message>
    <message>
        <source>No stays or visits stored for this patient.</source>
        <translation>Aucun séjour ni consultation conservé pour ce patient.</translation>
    </message>
    <message>
        <source>Double-click a stay (or press Enter) to list its documents.</source>
        <translation>Double-cliquez sur un séjour (ou appuyez sur Entrée) pour afficher ses documents.</translation>
    </message>
    <message numerus="yes">
        <source>(%n day(s))</source>
        <translation>
            <numerusform>(%n jour)</numerusform>
            <numerusform>(%n jours)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 – ongoing</source>
        <translation>%1 – en cours</translation>
    </message>
    <message>
        <source>Date unknown</source>
        <translation>Date inconnue</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motif : %1</translation>
    </message>
    <message>
        <source>Discharge: %1</source>
        <translation>Sortie : %1</translation>
    </message>
    <message>
        <source>Documents: %1</source>
        <translation>Documents : %1</translation>
    </message>
    <message>
        <source>Hospital stay</source>
        <translation>Hospitalisation</translation>
    </message>
    <message>
        <source>Day hospital</source>
        <translation>Hôpital de jour</translation>
    </message>
    <message>
        <source>Outpatient visit</source>
        <translation>Consultation ambulatoire</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Urgences</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Visite à domicile</translation>
    </message>
    <message>
        <source>Remote consultation</source>
        <translation>Téléconsultation</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in document</source>
        <translation>Rechercher dans le document</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Occurrence précédente (Maj+Entrée)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Occurrence suivante (Entrée)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Fermer la barre de recherche (Échap)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Rechercher :</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <source>Matches: %1</source>
        <translation>Occurrences : %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Une erreur s&apos;est produite : %1</translation>
    </message>
    <message>
        <source>Welcome to Consult Desktop</source>
        <translation>Bienvenue dans Consult Desktop</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>Créer le profil</translation>
    </message>
</context>
<context>
    <name>HospitalsPage</name>
    <message>
        <source>Hospitals</source>
        <translation>Hôpitaux</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchronisation</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>Add a hospital</source>
        <translation>Ajouter un hôpital</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <source>Remove the selected hospital</source>
        <translation>Retirer l&apos;hôpital sélectionné</translation>
    </message>
    <message>
        <source>The records of every hospital listed here are synchronised to this computer.</source>
        <translation>Les dossiers de chaque hôpital de cette liste sont synchronisés sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Hospital added. Its records arrive at the next synchronisation.</source>
        <translation>Hôpital ajouté. Ses dossiers arriveront à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Remove a hospital</source>
        <translation>Retirer un hôpital</translation>
    </message>
    <message>
        <source>Remove the hospital %1?</source>
        <translation>Retirer l&apos;hôpital %1 ?</translation>
    </message>
    <message>
        <source>Its cached records are removed from this computer. They come back only if you add the hospital again and synchronise.</source>
        <translation>Ses dossiers conservés sont supprimés de cet ordinateur. Ils ne reviennent que si vous ajoutez à nouveau l&apos;hôpital et synchronisez.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Hospital removed, with its records on this computer.</source>
        <translation>Hôpital retiré, avec ses dossiers sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Suppression…</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import a medication list</source>
        <translation>Importer une liste de médicaments</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>suspendu</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>File: %1 (%2)</source>
        <translation>Fichier : %1 (%2)</translation>
    </message>
    <message>
        <source>Patient checked: the file is about this patient (%1).</source>
        <translation>Patient vérifié : le fichier concerne ce patient (%1).</translation>
    </message>
    <message>
        <source>national number</source>
        <translation>numéro de registre national</translation>
    </message>
    <message>
        <source>name and birth date</source>
        <translation>nom et date de naissance</translation>
    </message>
    <message>
        <source>Refused: the file is about another patient. Nothing can be imported.</source>
        <translation>Refusé : le fichier concerne un autre patient. Rien ne peut être importé.</translation>
    </message>
    <message>
        <source>The file does not identify its patient well enough to check it.</source>
        <translation>Le fichier n&apos;identifie pas son patient assez bien pour le vérifier.</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 suspended, %4 stopped, %5 unchanged; %6 lines cannot be read.</source>
        <translation>%1 ajoutés, %2 modifiés, %3 suspendus, %4 arrêtés, %5 inchangés ; %6 lignes illisibles.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Médicament</translation>
    </message>
    <message>
        <source>Posology</source>
        <translation>Posologie</translation>
    </message>
    <message>
        <source>Checked against</source>
        <translation>Vérifié comme</translation>
    </message>
    <message>
        <source>not recognised (not checked)</source>
        <translation>non reconnu (non vérifié)</translation>
    </message>
    <message>
        <source>Cannot be read (%1): %2</source>
        <translation>Illisible (%1) : %2</translation>
    </message>
    <message>
        <source>From the GP&apos;s SUMEHR (%1): %2</source>
        <translation>Du SUMEHR du médecin généraliste (%1) : %2</translation>
    </message>
    <message>
        <source>Lines that cannot be read</source>
        <translation>Lignes illisibles</translation>
    </message>
    <message>
        <source>Allergies, problems and vaccinations from the GP&apos;s SUMEHR (not imported)</source>
        <translation>Allergies, problèmes et vaccinations du SUMEHR du médecin généraliste (non importés)</translation>
    </message>
    <message>
        <source>I confirm that this file is about the patient on screen</source>
        <translation>Je confirme que ce fichier concerne le patient affiché</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Notes on the file</source>
        <translation>Remarques sur le fichier</translation>
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
        <translation>B</translation>
    </message>
    <message>
        <source>HH</source>
        <comment>flag letters: critically high</comment>
        <translation>HH</translation>
    </message>
    <message>
        <source>LL</source>
        <comment>flag letters: critically low</comment>
        <translation>BB</translation>
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
        <translation>Résultats anormaux uniquement</translation>
    </message>
    <message>
        <source>Panel:</source>
        <translation>Panel :</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Résultats de laboratoire</translation>
    </message>
    <message>
        <source>No lab results stored for this patient.</source>
        <translation>Aucun résultat de laboratoire conservé pour ce patient.</translation>
    </message>
    <message>
        <source>All panels</source>
        <translation>Tous les panels</translation>
    </message>
    <message>
        <source>%1 of %2 results, %3 outside the reference range</source>
        <translation>%1 résultats sur %2, dont %3 hors des valeurs de référence</translation>
    </message>
    <message>
        <source>New only</source>
        <translation>Nouveaux seulement</translation>
    </message>
    <message>
        <source>Only the results that arrived since you last opened this patient</source>
        <translation>Seulement les résultats arrivés depuis votre dernière ouverture de ce patient</translation>
    </message>
    <message>
        <source>Show only new results</source>
        <translation>Afficher seulement les nouveaux résultats</translation>
    </message>
    <message>
        <source>Cumulative view</source>
        <translation>Vue cumulative</translation>
    </message>
    <message>
        <source>Tests down, days across</source>
        <translation>Analyses en lignes, jours en colonnes</translation>
    </message>
    <message>
        <source>Cumulative lab results</source>
        <translation>Résultats de laboratoire cumulés</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Show trend</source>
        <translation>Afficher l&apos;évolution</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
</context>
<context>
    <name>LabTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Valeurs de référence</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bas</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevé</translation>
    </message>
    <message>
        <source>Critical low</source>
        <translation>Critique bas</translation>
    </message>
    <message>
        <source>Critical high</source>
        <translation>Critique élevé</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation>Anormal</translation>
    </message>
    <message>
        <source>Other results</source>
        <translation>Autres résultats</translation>
    </message>
    <message>
        <source>Reference range: %1</source>
        <translation>Valeurs de référence : %1</translation>
    </message>
    <message>
        <source>Laboratory interpretation code: %1</source>
        <translation>Code d&apos;interprétation du laboratoire : %1</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nouveau : %1</translation>
    </message>
    <message>
        <source>New since you last opened this patient</source>
        <translation>Nouveau depuis votre dernière ouverture de ce patient</translation>
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
        <translation> — démo</translation>
    </message>
    <message>
        <source>Choose a patient in the list.</source>
        <translation>Choisissez un patient dans la liste.</translation>
    </message>
    <message>
        <source>Consult Desktop is locked.</source>
        <translation>Consult Desktop est verrouillé.</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser</translation>
    </message>
    <message>
        <source>Fetch what is new at the hospital (F5)</source>
        <translation>Récupérer les nouveautés de l&apos;hôpital (F5)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Find in the area you are in: the document, or else the patient list</source>
        <translation>Rechercher là où vous êtes : dans le document, sinon dans la liste des patients</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Sync &amp;problems…</source>
        <translation>&amp;Problèmes de synchronisation…</translation>
    </message>
    <message>
        <source>&amp;Access log…</source>
        <translation>&amp;Journal des accès…</translation>
    </message>
    <message>
        <source>&amp;About Consult Desktop</source>
        <translation>À &amp;propos de Consult Desktop</translation>
    </message>
    <message>
        <source>&amp;Wipe this workstation…</source>
        <translation>&amp;Effacer ce poste de travail…</translation>
    </message>
    <message>
        <source>&amp;Import medication list…</source>
        <translation>&amp;Importer une liste de médicaments…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Imp&amp;rimer…</translation>
    </message>
    <message>
        <source>Print what the open tab shows: the document, the lab results or the medication comparison</source>
        <translation>Imprimer ce que montre l&apos;onglet ouvert : le document, les résultats de laboratoire ou la comparaison des médicaments</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Patients</source>
        <translation>&amp;Patients</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>The local database is damaged. The hospital data can be synced again, your own data cannot (prescriptions, decisions, acknowledgements, access log): save it now with consult-desktop backup --out FILE, and restore it into a fresh profile.</source>
        <translation>La base de données locale est endommagée. Les données de l&apos;hôpital peuvent être resynchronisées, vos propres données non (prescriptions, décisions, accusés de lecture, journal des accès) : sauvegardez-les maintenant avec consult-desktop backup --out FICHIER, puis restaurez-les dans un nouveau profil.</translation>
    </message>
    <message>
        <source>This profile is read-only: its folder or drive cannot be written. You can read everything; nothing can be saved (no sync, prescriptions, decisions or access log entries).</source>
        <translation>Ce profil est en lecture seule : son dossier ou son disque ne peut pas être modifié. Vous pouvez tout consulter ; rien ne peut être enregistré (ni synchronisation, ni prescriptions, décisions ou entrées du journal des accès).</translation>
    </message>
    <message>
        <source>This patient&apos;s record is no longer available to you.</source>
        <translation>Le dossier de ce patient ne vous est plus accessible.</translation>
    </message>
    <message>
        <source>New documents or results arrived for this patient.</source>
        <translation>De nouveaux documents ou résultats sont arrivés pour ce patient.</translation>
    </message>
    <message>
        <source>This patient&apos;s record was updated by the sync.</source>
        <translation>Le dossier de ce patient a été mis à jour par la synchronisation.</translation>
    </message>
    <message numerus="yes">
        <source>Sync complete: %n record(s) updated.</source>
        <translation>
            <numerusform>Synchronisation terminée : %n élément mis à jour.</numerusform>
            <numerusform>Synchronisation terminée : %n éléments mis à jour.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sync finished, but some records could not be fetched. Everything received is shown; the rest will be tried again next time.</source>
        <translation>La synchronisation est terminée, mais certains éléments n&apos;ont pas pu être récupérés. Tout ce qui a été reçu est affiché ; le reste sera réessayé la prochaine fois.</translation>
    </message>
    <message>
        <source>Show problems</source>
        <translation>Afficher les problèmes</translation>
    </message>
    <message>
        <source>Offline — showing the local copy. The hospital server could not be reached.</source>
        <translation>Hors ligne — affichage de la copie locale. Le serveur de l&apos;hôpital n&apos;a pas pu être joint.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Sync cancelled; what was received so far is kept.</source>
        <translation>Synchronisation annulée ; ce qui a déjà été reçu est conservé.</translation>
    </message>
    <message>
        <source>The sync failed: %1</source>
        <translation>La synchronisation a échoué : %1</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Your hospital sign-in has expired. Sign in again to sync; the local copy is still available.</source>
        <translation>Votre connexion à l&apos;hôpital a expiré. Reconnectez-vous pour synchroniser ; la copie locale reste disponible.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>The hospital refused the credentials of this program. Check the server settings; the local copy is still available.</source>
        <translation>L&apos;hôpital a refusé les identifiants de ce programme. Vérifiez les paramètres du serveur ; la copie locale reste disponible.</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>La connexion a échoué : %1</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Connecté.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Une erreur s&apos;est produite : %1</translation>
    </message>
</context>
<context>
    <name>MedicationComparisonModel</name>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hôpital</translation>
    </message>
    <message>
        <source>GP (your list)</source>
        <translation>Médecin généraliste (votre liste)</translation>
    </message>
    <message>
        <source>Change (GP → hospital)</source>
        <translation>Modification (médecin généraliste → hôpital)</translation>
    </message>
    <message>
        <source>Safety flags</source>
        <translation>Alertes de sécurité</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>New at the hospital</source>
        <translation>Nouveau à l&apos;hôpital</translation>
    </message>
    <message>
        <source>Stopped at the hospital</source>
        <translation>Arrêté à l&apos;hôpital</translation>
    </message>
    <message>
        <source>GP only</source>
        <translation>Uniquement chez le médecin généraliste</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Poursuivre</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Modify</source>
        <translation>Adapter</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Arrêté : %1</translation>
    </message>
    <message>
        <source>as needed</source>
        <translation>si nécessaire</translation>
    </message>
    <message>
        <source>%1x/day</source>
        <translation>%1x/jour</translation>
    </message>
    <message>
        <source>%1x/week</source>
        <translation>%1x/semaine</translation>
    </message>
    <message>
        <source>every %1 days</source>
        <translation>tous les %1 jours</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motif : %1</translation>
    </message>
    <message>
        <source>Acknowledged (%1)</source>
        <translation>Pris en compte (%1)</translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation>(+%1 autre(s))</translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation>Pris en compte : %1</translation>
    </message>
    <message>
        <source>Not checked — could not be matched to known ingredients</source>
        <translation>Non vérifié — aucune correspondance avec des principes actifs connus</translation>
    </message>
    <message>
        <source>Your list → the hospital&apos;s list</source>
        <translation>Votre liste → la liste de l&apos;hôpital</translation>
    </message>
</context>
<context>
    <name>MedicationFileActions</name>
    <message>
        <source>Export KMEHR…</source>
        <translation>Exporter en KMEHR…</translation>
    </message>
    <message>
        <source>Export as KMEHR medication scheme…</source>
        <translation>Exporter en schéma de médication KMEHR…</translation>
    </message>
    <message>
        <source>Export FHIR…</source>
        <translation>Exporter en FHIR…</translation>
    </message>
    <message>
        <source>Export as Belgian FHIR…</source>
        <translation>Exporter en FHIR belge…</translation>
    </message>
    <message>
        <source>Import a medication list</source>
        <translation>Importer une liste de médicaments</translation>
    </message>
    <message>
        <source>Medication lists (*.xml *.kmehr *.json *.ndjson *.csv *.txt);;All files (*)</source>
        <translation>Listes de médicaments (*.xml *.kmehr *.json *.ndjson *.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Imported %1 lines from the file.</source>
        <translation>%1 lignes importées du fichier.</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Le fichier n&apos;a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Non importé : %1</translation>
    </message>
    <message>
        <source>The medication list could not be read or written.</source>
        <translation>La liste de médicaments n&apos;a pas pu être lue ou écrite.</translation>
    </message>
    <message>
        <source>Export the medication list</source>
        <translation>Exporter la liste de médicaments</translation>
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
        <translation>%1 lignes exportées vers %2</translation>
    </message>
    <message>
        <source>The list could not be exported to %1</source>
        <translation>La liste n&apos;a pas pu être exportée vers %1</translation>
    </message>
    <message>
        <source>Medication list</source>
        <translation>Liste de médicaments</translation>
    </message>
</context>
<context>
    <name>MedicationFlagsPanel</name>
    <message>
        <source>Safety flags</source>
        <translation>Alertes de sécurité</translation>
    </message>
    <message>
        <source>Flag details</source>
        <translation>Détails de l&apos;alerte</translation>
    </message>
    <message>
        <source>Acknowledge with a reason…</source>
        <translation>Prendre en compte avec un motif…</translation>
    </message>
    <message>
        <source>No interaction, duplicate, allergy or kidney-function flag for the medicines that could be checked.</source>
        <translation>Aucune alerte d&apos;interaction, de duplication thérapeutique, d&apos;allergie ou de fonction rénale pour les médicaments qui ont pu être vérifiés.</translation>
    </message>
    <message>
        <source>Flags: %1, most severe first. Choose one to see its lines.</source>
        <translation>Alertes : %1, les plus graves en premier. Choisissez-en une pour voir les lignes concernées.</translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation>Pris en compte : %1</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Effet</translation>
    </message>
    <message>
        <source>Mechanism</source>
        <translation>Mécanisme</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>Conduite à tenir</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>Règle : %1</translation>
    </message>
    <message>
        <source>Acknowledged on %1: %2</source>
        <translation>Pris en compte le %1 : %2</translation>
    </message>
</context>
<context>
    <name>MedicationToolbar</name>
    <message>
        <source>New prescription</source>
        <translation>Nouvelle prescription</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Delete (entered by mistake)</source>
        <translation>Supprimer (saisie erronée)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Decide: continue</source>
        <translation>Décision : poursuivre</translation>
    </message>
    <message>
        <source>Decide: stop</source>
        <translation>Décision : arrêter</translation>
    </message>
    <message>
        <source>Decide: modify</source>
        <translation>Décision : adapter</translation>
    </message>
    <message>
        <source>Clear decision</source>
        <translation>Effacer la décision</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Medication actions</source>
        <translation>Actions sur la médication</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>Décider</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
</context>
<context>
    <name>MedicationView</name>
    <message>
        <source>Medication comparison</source>
        <translation>Comparaison de la médication</translation>
    </message>
    <message>
        <source>Loading the medication…</source>
        <translation>Chargement de la médication…</translation>
    </message>
    <message>
        <source>Choose a patient to compare the hospital&apos;s medication with yours.</source>
        <translation>Choisissez un patient pour comparer la médication de l&apos;hôpital avec la vôtre.</translation>
    </message>
    <message>
        <source>The medication could not be read or saved in the local database.</source>
        <translation>La médication n&apos;a pas pu être lue ou enregistrée dans la base de données locale.</translation>
    </message>
    <message>
        <source>New prescription (from the hospital&apos;s list)</source>
        <translation>Nouvelle prescription (d&apos;après la liste de l&apos;hôpital)</translation>
    </message>
    <message>
        <source>Prescription saved.</source>
        <translation>Prescription enregistrée.</translation>
    </message>
    <message>
        <source>Prescription stopped; it stays as history.</source>
        <translation>Prescription arrêtée ; elle reste dans l&apos;historique.</translation>
    </message>
    <message>
        <source>Delete prescription</source>
        <translation>Supprimer la prescription</translation>
    </message>
    <message>
        <source>Delete %1? Only for an entry made by mistake: to end a treatment, stop it instead, so it stays as history.</source>
        <translation>Supprimer %1 ? Uniquement pour une saisie erronée : pour mettre fin à un traitement, arrêtez-le plutôt, afin qu&apos;il reste dans l&apos;historique.</translation>
    </message>
    <message>
        <source>Prescription deleted.</source>
        <translation>Prescription supprimée.</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>Le PDF n&apos;a pas pu être enregistré : %1</translation>
    </message>
    <message>
        <source>Reconciliation summary saved to %1</source>
        <translation>Résumé de la conciliation médicamenteuse enregistré dans %1</translation>
    </message>
    <message>
        <source>Print the medication comparison</source>
        <translation>Imprimer la comparaison de la médication</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Masquer</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Protect your records</source>
        <translation>Protégez vos dossiers</translation>
    </message>
    <message>
        <source>Hospital records are kept encrypted on this computer. Choose a passphrase to lock them. It cannot be recovered: if it is forgotten, the local copy must be wiped and synced again.</source>
        <translation>Les dossiers hospitaliers sont conservés chiffrés sur cet ordinateur. Choisissez une phrase secrète pour les verrouiller. Elle ne peut pas être récupérée : en cas d&apos;oubli, la copie locale doit être effacée puis synchronisée à nouveau.</translation>
    </message>
    <message>
        <source>The profile will be created in %1</source>
        <translation>Le profil sera créé dans %1</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase secrète :</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Répéter :</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters. A few unrelated words are easy to type and hard to guess.</source>
        <translation>
            <numerusform>Au moins %n caractère. Quelques mots sans rapport entre eux sont faciles à taper et difficiles à deviner.</numerusform>
            <numerusform>Au moins %n caractères. Quelques mots sans rapport entre eux sont faciles à taper et difficiles à deviner.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: make it longer.</source>
        <translation>Faible : allongez-la.</translation>
    </message>
    <message>
        <source>Fair: longer is better.</source>
        <translation>Correcte : plus longue, c&apos;est mieux.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Solide.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
    <message>
        <source>Creating the encrypted profile…</source>
        <translation>Création du profil chiffré…</translation>
    </message>
</context>
<context>
    <name>PatientHeader</name>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>Opening the record…</source>
        <translation>Ouverture du dossier…</translation>
    </message>
    <message>
        <source>Patient %1 (no demographic data stored)</source>
        <translation>Patient %1 (aucune donnée d&apos;identité conservée)</translation>
    </message>
    <message>
        <source>age %1</source>
        <translation>%1 ans</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Décédé(e)</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>né(e) le %1</translation>
    </message>
    <message>
        <source>SSIN %1</source>
        <translation>NISS %1</translation>
    </message>
    <message>
        <source>no SSIN recorded</source>
        <translation>aucun NISS enregistré</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Homme</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femme</translation>
    </message>
    <message>
        <source>Other sex</source>
        <translation>Autre sexe</translation>
    </message>
    <message>
        <source>Sex unknown</source>
        <translation>Sexe inconnu</translation>
    </message>
    <message>
        <source>Allergies not synced: no allergy information has been received from the hospital.</source>
        <translation>Allergies non synchronisées : aucune information d&apos;allergie n&apos;a été reçue de l&apos;hôpital.</translation>
    </message>
    <message>
        <source>No known allergies recorded.</source>
        <translation>Aucune allergie connue enregistrée.</translation>
    </message>
    <message>
        <source>Allergies: %1</source>
        <translation>Allergies : %1</translation>
    </message>
    <message>
        <source>unnamed substance</source>
        <translation>substance sans nom</translation>
    </message>
    <message>
        <source>HIGH criticality</source>
        <translation>criticité ÉLEVÉE</translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation>non confirmée</translation>
    </message>
</context>
<context>
    <name>PatientListPanel</name>
    <message>
        <source>Search by name, SSIN or birth date (dd/mm/yyyy)</source>
        <translation>Rechercher par nom, NISS ou date de naissance (jj/mm/aaaa)</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Rechercher des patients</translation>
    </message>
    <message>
        <source>Type to filter the list; Down goes into the list, Enter opens the first patient, Escape clears</source>
        <translation>Tapez pour filtrer la liste ; Bas va dans la liste, Entrée ouvre le premier patient, Échap efface</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>Empties the search field and shows every patient</source>
        <translation>Vide le champ de recherche et affiche tous les patients</translation>
    </message>
    <message>
        <source>New since last view</source>
        <translation>Nouveau depuis la dernière consultation</translation>
    </message>
    <message>
        <source>Only patients with documents or results you have not seen yet</source>
        <translation>Seulement les patients avec des documents ou résultats que vous n&apos;avez pas encore vus</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>Your patients; the arrows choose a patient and open their record, Tab leaves the list</source>
        <translation>Vos patients ; les flèches choisissent un patient et ouvrent son dossier, Tab quitte la liste</translation>
    </message>
    <message numerus="yes">
        <source>Discharged in the last %n day(s)</source>
        <translation>
            <numerusform>Sortis depuis %n jour</numerusform>
            <numerusform>Sortis ces %n derniers jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Only patients whose latest hospital stay ended recently</source>
        <translation>Seulement les patients dont le dernier séjour à l&apos;hôpital s&apos;est terminé récemment</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 patient(s)</source>
        <translation>
            <numerusform>%n patient sur %1</numerusform>
            <numerusform>%n patients sur %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Naissance</translation>
    </message>
    <message>
        <source>SSIN</source>
        <translation>NISS</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Documents and results that arrived since you last opened the patient</source>
        <translation>Documents et résultats arrivés depuis votre dernière ouverture du dossier</translation>
    </message>
    <message numerus="yes">
        <source>%n new document(s) or result(s) since you last opened this patient</source>
        <translation>
            <numerusform>%n nouveau document ou résultat depuis votre dernière ouverture de ce dossier</numerusform>
            <numerusform>%n nouveaux documents ou résultats depuis votre dernière ouverture de ce dossier</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new</source>
        <translation>Rien de nouveau</translation>
    </message>
</context>
<context>
    <name>PatientView</name>
    <message>
        <source>This patient&apos;s record could not be read from the local database.</source>
        <translation>Le dossier de ce patient n&apos;a pas pu être lu dans la base de données locale.</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <source>&amp;Lab results</source>
        <translation>&amp;Laboratoire</translation>
    </message>
    <message>
        <source>P&amp;roblems and allergies</source>
        <translation>P&amp;roblèmes et allergies</translation>
    </message>
    <message>
        <source>&amp;Stays</source>
        <translation>&amp;Séjours</translation>
    </message>
    <message>
        <source>&amp;Medication</source>
        <translation>&amp;Médication</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Patient record</source>
        <translation>Dossier du patient</translation>
    </message>
    <message>
        <source>Tabs of the open patient: Ctrl+1 to Ctrl+5, Ctrl+PgDown and Ctrl+PgUp</source>
        <translation>Onglets du patient ouvert : Ctrl+1 à Ctrl+5, Ctrl+PgDown et Ctrl+PgUp</translation>
    </message>
</context>
<context>
    <name>PrescriptionEditor</name>
    <message>
        <source>Edit prescription</source>
        <translation>Modifier la prescription</translation>
    </message>
    <message>
        <source>New prescription</source>
        <translation>Nouvelle prescription</translation>
    </message>
    <message>
        <source>Ingredient or brand, with strength (e.g. Amlodipine 5 mg)</source>
        <translation>Principe actif ou nom de marque, avec le dosage (p. ex. Amlodipine 5 mg)</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Médicament</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>non précisé</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>tablet</source>
        <translation>comprimé</translation>
    </message>
    <message>
        <source>capsule</source>
        <translation>gélule</translation>
    </message>
    <message>
        <source>drops</source>
        <translation>gouttes</translation>
    </message>
    <message>
        <source>puffs</source>
        <translation>bouffées</translation>
    </message>
    <message>
        <source>sachet</source>
        <translation>sachet</translation>
    </message>
    <message>
        <source>units</source>
        <translation>unités</translation>
    </message>
    <message>
        <source>application</source>
        <translation>application</translation>
    </message>
    <message>
        <source>Dose unit</source>
        <translation>Unité de dose</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Nombre de prises</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>par jour</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>par semaine</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>as needed</source>
        <translation>si nécessaire</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>&amp;Dose:</source>
        <translation>&amp;Dose :</translation>
    </message>
    <message>
        <source>&amp;Frequency:</source>
        <translation>&amp;Fréquence :</translation>
    </message>
    <message>
        <source>&amp;Medication:</source>
        <translation>&amp;Médicament :</translation>
    </message>
    <message>
        <source>&amp;Start date:</source>
        <translation>Date de dé&amp;but :</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Remarque :</translation>
    </message>
    <message>
        <source>%1x/day</source>
        <translation>%1x/jour</translation>
    </message>
    <message>
        <source>%1x/week</source>
        <translation>%1x/semaine</translation>
    </message>
</context>
<context>
    <name>PrescriptionList</name>
    <message>
        <source>Your prescriptions</source>
        <translation>Vos prescriptions</translation>
    </message>
    <message>
        <source>Dose and frequency</source>
        <translation>Dose et fréquence</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Non vérifié</translation>
    </message>
</context>
<context>
    <name>ProblemsIndicator</name>
    <message>
        <source>Sync &amp;problems (%1)…</source>
        <translation>&amp;Problèmes de synchronisation (%1)…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be read or fetched: show why</source>
        <translation>
            <numerusform>%n donnée n&apos;a pas pu être lue ou récupérée : voir pourquoi</numerusform>
            <numerusform>%n données n&apos;ont pas pu être lues ou récupérées : voir pourquoi</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync &amp;problems…</source>
        <translation>&amp;Problèmes de synchronisation…</translation>
    </message>
    <message>
        <source>No sync problems</source>
        <translation>Aucun problème de synchronisation</translation>
    </message>
</context>
<context>
    <name>ProblemsTab</name>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolu</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Substance</translation>
    </message>
    <message>
        <source>Criticality</source>
        <translation>Criticité</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>Réactions</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Allergies and intolerances</source>
        <translation>Allergies et intolérances</translation>
    </message>
    <message>
        <source>No problems recorded by the hospital.</source>
        <translation>Aucun problème enregistré par l&apos;hôpital.</translation>
    </message>
    <message>
        <source>Allergies not synced: nothing was received from the hospital; this is not &apos;no allergies&apos;.</source>
        <translation>Allergies non synchronisées : rien n&apos;a été reçu de l&apos;hôpital ; cela ne signifie pas « aucune allergie ».</translation>
    </message>
    <message>
        <source>No known allergies recorded.</source>
        <translation>Aucune allergie connue enregistrée.</translation>
    </message>
    <message>
        <source>(unnamed problem)</source>
        <translation>(problème sans nom)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Recurrence</source>
        <translation>Récurrence</translation>
    </message>
    <message>
        <source>Relapse</source>
        <translation>Rechute</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Remission</source>
        <translation>Rémission</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevé</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bas</translation>
    </message>
    <message>
        <source>Unable to assess</source>
        <translation>Impossible à évaluer</translation>
    </message>
    <message>
        <source>(unnamed substance)</source>
        <translation>(substance sans nom)</translation>
    </message>
    <message>
        <source>No known allergy (recorded statement)</source>
        <translation>Aucune allergie connue (déclaration enregistrée)</translation>
    </message>
    <message>
        <source>Inactive or refuted</source>
        <translation>Inactive ou infirmée</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmé</translation>
    </message>
    <message>
        <source>Provisional</source>
        <translation>Provisoire</translation>
    </message>
    <message>
        <source>Differential</source>
        <translation>Diagnostic différentiel</translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation>Non confirmé</translation>
    </message>
    <message>
        <source>Refuted</source>
        <translation>Infirmé</translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation>Saisi par erreur</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>légère</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>modérée</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>sévère</translation>
    </message>
</context>
<context>
    <name>ReadyPage</name>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Consult Desktop will now fetch the records of the patients you follow. This may take a few minutes the first time; you can use the program meanwhile.</source>
        <translation>Consult Desktop va maintenant récupérer les dossiers des patients que vous suivez. La première fois, cela peut prendre quelques minutes ; vous pouvez utiliser le programme entre-temps.</translation>
    </message>
    <message>
        <source>Other hospitals that share patients with you can be added later under File &gt; Settings &gt; Hospitals.</source>
        <translation>Les autres hôpitaux qui partagent des patients avec vous peuvent être ajoutés plus tard dans Fichier &gt; Paramètres &gt; Hôpitaux.</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
</context>
<context>
    <name>ReconciliationReport</name>
    <message>
        <source>Unknown patient</source>
        <translation>Patient inconnu</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>né(e) le %1</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Effet</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>Conduite à tenir</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Acknowledged on %1: %2</source>
        <translation>Pris en compte le %1 : %2</translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation>Non pris en compte</translation>
    </message>
    <message>
        <source>Hospital list: %1.</source>
        <translation>Liste de l&apos;hôpital : %1.</translation>
    </message>
    <message>
        <source>Active hospital prescriptions written after this list (a newer stay), not part of the comparison: %1.</source>
        <translation>Prescriptions hospitalières actives rédigées après cette liste (séjour plus récent), non reprises dans la comparaison : %1.</translation>
    </message>
    <message>
        <source>Checked with %1.</source>
        <translation>Vérifié avec : %1.</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>hôpital</translation>
    </message>
    <message>
        <source>GP</source>
        <translation>médecin généraliste</translation>
    </message>
    <message>
        <source>Not checked — could not be matched to known ingredients: %1</source>
        <translation>Non vérifié — aucune correspondance avec des principes actifs connus : %1</translation>
    </message>
    <message>
        <source>discharge medication of %1</source>
        <translation>traitement de sortie du %1</translation>
    </message>
    <message>
        <source>current medication (the hospital sent no discharge list)</source>
        <translation>médication en cours (l&apos;hôpital n&apos;a pas envoyé de traitement de sortie)</translation>
    </message>
    <message>
        <source>no hospital medication stored</source>
        <translation>aucune médication hospitalière conservée</translation>
    </message>
    <message>
        <source>no medication allergy recorded</source>
        <translation>aucune allergie médicamenteuse enregistrée</translation>
    </message>
    <message>
        <source>eGFR %1 %2 on %3</source>
        <translation>DFGe %1 %2 le %3</translation>
    </message>
    <message>
        <source>no eGFR stored</source>
        <translation>aucun DFGe conservé</translation>
    </message>
    <message>
        <source>allergies: %1; %2</source>
        <translation>allergies : %1 ; %2</translation>
    </message>
    <message>
        <source>Consult Desktop medication knowledge base %1, CC BY 4.0. It supports, and does not replace, the judgement of the prescriber.</source>
        <translation>Base de connaissances des médicaments de Consult Desktop %1, CC BY 4.0. Elle aide le prescripteur dans son jugement, sans le remplacer.</translation>
    </message>
    <message>
        <source>Export the reconciliation summary</source>
        <translation>Exporter le résumé de la conciliation médicamenteuse</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Medication reconciliation</source>
        <translation>Conciliation médicamenteuse</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Hospital list</source>
        <translation>Liste de l&apos;hôpital</translation>
    </message>
    <message>
        <source>Checked with</source>
        <translation>Vérifié avec</translation>
    </message>
    <message>
        <source>No medication on either list.</source>
        <translation>Aucun médicament sur l&apos;une ou l&apos;autre liste.</translation>
    </message>
    <message>
        <source>Safety flags</source>
        <translation>Alertes de sécurité</translation>
    </message>
    <message>
        <source>No flag for the medicines that could be checked.</source>
        <translation>Aucune alerte pour les médicaments qui ont pu être vérifiés.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <source>SSIN %1</source>
        <translation>NISS %1</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>Établi par</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <source>Who uses this program?</source>
        <translation>Qui utilise ce programme ?</translation>
    </message>
    <message>
        <source>The hospital sends only what your profession needs.</source>
        <translation>L&apos;hôpital n&apos;envoie que ce dont votre profession a besoin.</translation>
    </message>
    <message>
        <source>General practitioner</source>
        <translation>Médecin généraliste</translation>
    </message>
    <message>
        <source>The full hospital record: letters and reports, results, medication, problems.</source>
        <translation>Le dossier hospitalier complet : lettres et rapports, résultats, médication, problèmes.</translation>
    </message>
    <message>
        <source>Home-care nurse</source>
        <translation>Infirmier·ère à domicile</translation>
    </message>
    <message>
        <source>Medication, allergies, results, and discharge, nursing and care-plan documents.</source>
        <translation>Médication, allergies, résultats, et documents de sortie, de soins infirmiers et de plan de soins.</translation>
    </message>
    <message>
        <source>Physiotherapist</source>
        <translation>Kinésithérapeute</translation>
    </message>
    <message>
        <source>Stays, problems, procedures, and discharge, surgery, imaging and physiotherapy notes.</source>
        <translation>Séjours, problèmes, interventions, et notes de sortie, de chirurgie, d&apos;imagerie et de kinésithérapie.</translation>
    </message>
</context>
<context>
    <name>ServerForm</name>
    <message>
        <source>Sign in with my hospital account (browser)</source>
        <translation>Connexion avec mon compte de l&apos;hôpital (navigateur)</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Jeton d&apos;accès</translation>
    </message>
    <message>
        <source>Client credentials (practice system account)</source>
        <translation>Identifiants client (compte système du cabinet)</translation>
    </message>
    <message>
        <source>None (demo server on this computer)</source>
        <translation>Aucune (serveur de démonstration sur cet ordinateur)</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secret client</translation>
    </message>
    <message>
        <source>Client secret (in the request body)</source>
        <translation>Secret client (dans le corps de la requête)</translation>
    </message>
    <message>
        <source>Private key (signed assertion)</source>
        <translation>Clé privée (assertion signée)</translation>
    </message>
    <message>
        <source>Choose key file…</source>
        <translation>Choisir le fichier de clé…</translation>
    </message>
    <message>
        <source>General practitioner</source>
        <translation>Médecin généraliste</translation>
    </message>
    <message>
        <source>Home-care nurse</source>
        <translation>Infirmier·ère à domicile</translation>
    </message>
    <message>
        <source>Physiotherapist</source>
        <translation>Kinésithérapeute</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>Certificats du système</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Adresse du serveur :</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authentification :</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>Id client :</translation>
    </message>
    <message>
        <source>Client authentication:</source>
        <translation>Authentification du client :</translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation>Secret client :</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Clé privée :</translation>
    </message>
    <message>
        <source>Key id:</source>
        <translation>Id de la clé :</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Jeton d&apos;accès :</translation>
    </message>
    <message>
        <source>I am a:</source>
        <translation>Je suis :</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Portées (scopes) :</translation>
    </message>
    <message>
        <source>Token URL:</source>
        <translation>URL du jeton :</translation>
    </message>
    <message>
        <source>Authorization URL:</source>
        <translation>URL d&apos;autorisation :</translation>
    </message>
    <message>
        <source>CA certificates file:</source>
        <translation>Fichier des certificats d&apos;AC :</translation>
    </message>
    <message>
        <source>(stored; leave empty to keep)</source>
        <translation>(enregistré ; laisser vide pour le conserver)</translation>
    </message>
    <message>
        <source>A key is stored.</source>
        <translation>Une clé est enregistrée.</translation>
    </message>
    <message>
        <source>Enter the address of the hospital&apos;s FHIR server.</source>
        <translation>Saisissez l&apos;adresse du serveur FHIR de l&apos;hôpital.</translation>
    </message>
    <message>
        <source>Enter the access token given by the hospital.</source>
        <translation>Saisissez le jeton d&apos;accès fourni par l&apos;hôpital.</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Clé privée</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>Clés PEM (*.pem *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The key file could not be read.</source>
        <translation>Le fichier de clé n&apos;a pas pu être lu.</translation>
    </message>
    <message>
        <source>This file does not contain a private key in PEM format.</source>
        <translation>Ce fichier ne contient pas de clé privée au format PEM.</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Connect to the hospital</source>
        <translation>Connexion à l&apos;hôpital</translation>
    </message>
    <message>
        <source>The hospital&apos;s IT department gives you the server address and tells you how to sign in.</source>
        <translation>Le service informatique de l&apos;hôpital vous communique l&apos;adresse du serveur et la manière de vous connecter.</translation>
    </message>
    <message>
        <source>Saving the server settings…</source>
        <translation>Enregistrement des paramètres du serveur…</translation>
    </message>
    <message>
        <source>Complete the sign-in in your browser…</source>
        <translation>Terminez la connexion dans votre navigateur…</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Connecté.</translation>
    </message>
    <message>
        <source>The profile is locked.</source>
        <translation>Le profil est verrouillé.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>A new language applies at once.</source>
        <translation>Une nouvelle langue s&apos;applique immédiatement.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Only when I ask</source>
        <translation>Seulement sur demande</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>Lock after inactivity:</source>
        <translation>Verrouiller après une inactivité de :</translation>
    </message>
    <message>
        <source>Sync automatically every:</source>
        <translation>Synchroniser automatiquement toutes les :</translation>
    </message>
    <message>
        <source>“Recently discharged” means within:</source>
        <translation>« Sorti récemment » signifie dans les :</translation>
    </message>
    <message>
        <source>Save, then sign in through your browser</source>
        <translation>Enregistrer, puis se connecter dans le navigateur</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Hospital server</source>
        <translation>Serveur de l&apos;hôpital</translation>
    </message>
    <message>
        <source>Hospitals</source>
        <translation>Hôpitaux</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Your name (printed on exports)</source>
        <translation>Votre nom (imprimé sur les exports)</translation>
    </message>
    <message>
        <source>Dr. First Last</source>
        <translation>Dr Prénom Nom</translation>
    </message>
    <message>
        <source>Your name (printed on exports):</source>
        <translation>Votre nom (imprimé sur les exports) :</translation>
    </message>
</context>
<context>
    <name>SeverityNames</name>
    <message>
        <source>Contraindicated</source>
        <translation>Contre-indiqué</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Majeur</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Modéré</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Mineur</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>Interaction</translation>
    </message>
    <message>
        <source>Duplicate therapy</source>
        <translation>Duplication thérapeutique</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>Allergie</translation>
    </message>
    <message>
        <source>Kidney function</source>
        <translation>Fonction rénale</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Starting the demo hospital…</source>
        <translation>Démarrage de l&apos;hôpital de démonstration…</translation>
    </message>
    <message>
        <source>The demo could not start: %1</source>
        <translation>La démonstration n&apos;a pas pu démarrer : %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Where each shortcut works, what it does and its keys</source>
        <translation>Où chaque raccourci fonctionne, ce qu&apos;il fait et ses touches</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>StopPrescriptionDialog</name>
    <message>
        <source>Stop prescription</source>
        <translation>Arrêter la prescription</translation>
    </message>
    <message>
        <source>Stop %1? It stays in the list as history.</source>
        <translation>Arrêter %1 ? La prescription reste dans la liste, dans l&apos;historique.</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>End date:</source>
        <translation>Date de fin :</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motif :</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>The profile is locked.</source>
        <translation>Le profil est verrouillé.</translation>
    </message>
</context>
<context>
    <name>SyncProblemsDialog</name>
    <message>
        <source>Sync problems</source>
        <translation>Problèmes de synchronisation</translation>
    </message>
    <message>
        <source>These records were received from the hospital but could not be read. They are kept aside and are not shown in the patients&apos; files. A later sync replaces them when the hospital sends a corrected version.</source>
        <translation>Ces éléments ont été reçus de l&apos;hôpital mais n&apos;ont pas pu être lus. Ils sont mis de côté et n&apos;apparaissent pas dans les dossiers des patients. Une synchronisation ultérieure les remplace lorsque l&apos;hôpital envoie une version corrigée.</translation>
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
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>Copier la liste</translation>
    </message>
    <message>
        <source>The last sync reported:</source>
        <translation>La dernière synchronisation a signalé :</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) kept aside</source>
        <translation>
            <numerusform>%n élément mis de côté</numerusform>
            <numerusform>%n éléments mis de côté</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems: every record received could be read.</source>
        <translation>Aucun problème : tous les éléments reçus ont pu être lus.</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the sync; what was received so far is kept</source>
        <translation>Arrêter la synchronisation ; ce qui a déjà été reçu est conservé</translation>
    </message>
    <message>
        <source>Offline — showing the local copy</source>
        <translation>Hors ligne — affichage de la copie locale</translation>
    </message>
    <message>
        <source>Online — sign-in needed</source>
        <translation>En ligne — connexion requise</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Jamais synchronisé</translation>
    </message>
    <message>
        <source>Last synced just now</source>
        <translation>Synchronisé à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n minute(s) ago</source>
        <translation>
            <numerusform>Synchronisé il y a %n minute</numerusform>
            <numerusform>Synchronisé il y a %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n hour(s) ago</source>
        <translation>
            <numerusform>Synchronisé il y a %n heure</numerusform>
            <numerusform>Synchronisé il y a %n heures</numerusform>
        </translation>
    </message>
    <message>
        <source>Last synced on %1</source>
        <translation>Dernière synchronisation le %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Éléments</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Clean-up</source>
        <translation>Nettoyage</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Finalisation</translation>
    </message>
    <message>
        <source>New patients</source>
        <translation>Nouveaux patients</translation>
    </message>
    <message>
        <source>Waiting for the hospital</source>
        <translation>En attente de l&apos;hôpital</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1 : %2 sur %3</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Trend chart</source>
        <translation>Graphique d&apos;évolution</translation>
    </message>
    <message>
        <source>%1: values drawn: %2, last %3 %4</source>
        <translation>%1 : valeurs tracées : %2, dernière %3 %4</translation>
    </message>
    <message>
        <source>Select a result to see its trend.</source>
        <translation>Sélectionnez un résultat pour voir son évolution.</translation>
    </message>
    <message>
        <source>No numeric values to draw for this result.</source>
        <translation>Aucune valeur numérique à tracer pour ce résultat.</translation>
    </message>
    <message>
        <source>%1 (not drawn: %2)</source>
        <translation>%1 (non tracées : %2)</translation>
    </message>
    <message>
        <source>low</source>
        <translation>bas</translation>
    </message>
    <message>
        <source>high</source>
        <translation>élevé</translation>
    </message>
    <message>
        <source>critically low</source>
        <translation>critique bas</translation>
    </message>
    <message>
        <source>critically high</source>
        <translation>critique élevé</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critique</translation>
    </message>
    <message>
        <source>abnormal</source>
        <translation>anormal</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Consult Desktop</source>
        <translation>Déverrouiller Consult Desktop</translation>
    </message>
    <message>
        <source>Consult Desktop is locked</source>
        <translation>Consult Desktop est verrouillé</translation>
    </message>
    <message>
        <source>The records stay encrypted while the program is locked.</source>
        <translation>Les dossiers restent chiffrés tant que le programme est verrouillé.</translation>
    </message>
    <message>
        <source>Your patients&apos; records are stored encrypted on this computer.</source>
        <translation>Les dossiers de vos patients sont conservés chiffrés sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Enter your passphrase to open them.</source>
        <translation>Saisissez votre phrase secrète pour les ouvrir.</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil : %1</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Demo mode: the passphrase is “%1”.</source>
        <translation>Mode démonstration : la phrase secrète est « %1 ».</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Saisissez votre phrase secrète.</translation>
    </message>
    <message numerus="yes">
        <source>Several wrong attempts: checking again in %n second(s)…</source>
        <translation>
            <numerusform>Plusieurs tentatives erronées : nouvelle vérification dans %n seconde…</numerusform>
            <numerusform>Plusieurs tentatives erronées : nouvelle vérification dans %n secondes…</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening the profile…</source>
        <translation>Ouverture du profil…</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check Caps Lock and try again.</source>
        <translation>Phrase secrète incorrecte. Vérifiez le verrouillage des majuscules et réessayez.</translation>
    </message>
    <message>
        <source>The profile could not be opened: %1</source>
        <translation>Le profil n&apos;a pas pu être ouvert : %1</translation>
    </message>
</context>
<context>
    <name>WindowKeyboard</name>
    <message>
        <source>Show the tab %1</source>
        <translation>Afficher l&apos;onglet %1</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>Onglet suivant</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Onglet précédent</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Patient list</source>
        <translation>Liste des patients</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>From the search field into the list</source>
        <translation>Du champ de recherche vers la liste</translation>
    </message>
    <message>
        <source>Open the first patient found</source>
        <translation>Ouvrir le premier patient trouvé</translation>
    </message>
    <message>
        <source>From the list to the open patient&apos;s record</source>
        <translation>De la liste vers le dossier du patient ouvert</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>Choose a patient (opens their record)</source>
        <translation>Choisir un patient (ouvre son dossier)</translation>
    </message>
    <message>
        <source>Leave the list</source>
        <translation>Quitter la liste</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Occurrence suivante</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Occurrence précédente</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Fermer la barre de recherche</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Partout</translation>
    </message>
    <message>
        <source>Open patient</source>
        <translation>Patient ouvert</translation>
    </message>
</context>
<context>
    <name>WipeWorkstationDialog</name>
    <message>
        <source>Wipe this workstation</source>
        <translation>Effacer ce poste de travail</translation>
    </message>
    <message>
        <source>This removes every patient record that Consult Desktop keeps on this computer: the encrypted database, its key file and the key kept in the system keychain, in %1. It cannot be undone. The hospital keeps its records: you can set up the program again later and sync.</source>
        <translation>Cette opération supprime tous les dossiers de patients que Consult Desktop conserve sur cet ordinateur : la base de données chiffrée, son fichier de clé et la clé conservée dans le trousseau du système, dans %1. Elle est irréversible. L&apos;hôpital conserve ses dossiers : vous pourrez configurer à nouveau le programme plus tard et synchroniser.</translation>
    </message>
    <message>
        <source>Type %1 to confirm:</source>
        <translation>Tapez %1 pour confirmer :</translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>The running sync did not stop; nothing was removed.</source>
        <translation>La synchronisation en cours ne s&apos;est pas arrêtée ; rien n&apos;a été supprimé.</translation>
    </message>
    <message>
        <source>some files are still there</source>
        <translation>certains fichiers sont toujours présents</translation>
    </message>
    <message>
        <source>The profile could not be removed completely: %1</source>
        <translation>Le profil n&apos;a pas pu être supprimé entièrement : %1</translation>
    </message>
</context>
</TS>
