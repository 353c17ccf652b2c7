<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Consult Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital records of your patients, available offline in an encrypted local profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database encryption: SQLCipher %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database encryption: SQLCipher 4 (unlock the profile to see its exact version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open licence texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The licence texts are installed with the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt and Qt for Python (PySide6, Shiboken6) are used under the GNU Lesser General Public License version 3. They are not modified and are dynamically linked: each Qt library, plugin and binding is a separate file in the program folder, which you may replace with your own build of a compatible version. The source code is available at %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medication knowledge base was written by the Consult Desktop project and is licensed under the Creative Commons Attribution 4.0 International licence (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccessLog</name>
    <message>
        <source>Opened patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to the hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication decision recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GP prescription saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GP prescription stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GP prescription deleted (entered by mistake)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication list imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication list exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication comparison exported as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication comparison printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient&apos;s local record removed (no longer shared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document saved to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab results printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own data backed up to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own data restored from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital server removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access log exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a document no longer in the local record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccessLogDialog</name>
    <message>
        <source>Access log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything opened on this computer with this profile, most recent first. The log stays in the encrypted profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the entries of one patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the entries of a recent period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document or file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access log entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the entries shown as a CSV file (the export is logged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient no longer in the local record (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The most recent %n entries</source>
        <translation>
            <numerusform>The most recent entry</numerusform>
            <numerusform>The most recent %n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>access-log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the access log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>More actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the actions that do not fit in the tool bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More menus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the menus that do not fit in the menu bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selects every cell of the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empties the field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>Acknowledge a flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this is accepted for this patient (stored and audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddHospitalDialog</name>
    <message>
        <source>Add a hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name shown beside its records (default: its address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContraindicationDialog</name>
    <message>
        <source>Contraindicated medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medication of %1 combines medicines that must not be taken together:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contraindicated combinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason, to acknowledge (stored and audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medication of %1 contains medicines that must not be used at this kidney function:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medication of %1 contains medicines the patient must not take because of a recorded allergy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medication of %1 contains a dose that must not be given:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medication of %1 contains medicines that must not be used:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consult Desktop could not finish this action because of an unexpected error. The data already stored is intact. If it happens again, please tell your support, with the time it happened (the error log contains no patient data).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CumulativeLabModel</name>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document has no file stored on this computer to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy outside the encrypted store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy is an ordinary file: anyone who can open the folder where you save it can read it. Save it only where your practice keeps patient records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the document as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hospital&apos;s file (*%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document could not be saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document could not be read from the local database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No attached file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New since you last opened this patient</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>−</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the page to the width of the viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in document (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a document to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PDF is password-protected and cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PDF could not be opened: the file appears to be damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This image could not be decoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The content of this document could not be fetched from the hospital.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the hospital for this document by another route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will be fetched again at the next synchronisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The content of this document has not been downloaded from the hospital yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document&apos;s format (%1) cannot be shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document is no longer stored on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document has no content to show.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search in this patient&apos;s documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search in documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents of the stay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document could not be opened from the local database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search could not be run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents found: %1. Choose one to open it; clear the search for the whole list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document contains these words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No documents stored for this patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the documents that arrived since you last opened this patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only new documents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EncountersTab</name>
    <message>
        <source>Stays and visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stays or visits stored for this patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a stay (or press Enter) to list its documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n day(s))</source>
        <translation>
            <numerusform>(%n day)</numerusform>
            <numerusform>(%n days)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 – ongoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discharge: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outpatient visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote consultation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Something went wrong: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Consult Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HospitalsPage</name>
    <message>
        <source>Hospitals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records of every hospital listed here are synchronised to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital added. Its records arrive at the next synchronisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the hospital %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its cached records are removed from this computer. They come back only if you add the hospital again and synchronise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital removed, with its records on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import a medication list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient checked: the file is about this patient (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>national number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name and birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the file is about another patient. Nothing can be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file does not identify its patient well enough to check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 suspended, %4 stopped, %5 unchanged; %6 lines cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recognised (not checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be read (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the GP&apos;s SUMEHR (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines that cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies, problems and vaccinations from the GP&apos;s SUMEHR (not imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I confirm that this file is about the patient on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes on the file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabFlags</name>
    <message>
        <source>H</source>
        <comment>flag letter: above the reference range</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L</source>
        <comment>flag letter: below the reference range</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HH</source>
        <comment>flag letters: critically high</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LL</source>
        <comment>flag letters: critically low</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AA</source>
        <comment>flag letters: critical</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A</source>
        <comment>flag letter: abnormal</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabTab</name>
    <message>
        <source>Abnormal results only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lab results stored for this patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 results, %3 outside the reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the results that arrived since you last opened this patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only new results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cumulative view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tests down, days across</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cumulative lab results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabTableModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference range: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laboratory interpretation code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New since you last opened this patient</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Consult Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a patient in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consult Desktop is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch what is new at the hospital (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in the area you are in: the document, or else the patient list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;problems…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Access log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Consult Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wipe this workstation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import medication list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print what the open tab shows: the document, the lab results or the medication comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database is damaged. The hospital data can be synced again, your own data cannot (prescriptions, decisions, acknowledgements, access log): save it now with consult-desktop backup --out FILE, and restore it into a fresh profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile is read-only: its folder or drive cannot be written. You can read everything; nothing can be saved (no sync, prescriptions, decisions or access log entries).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This patient&apos;s record is no longer available to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New documents or results arrived for this patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This patient&apos;s record was updated by the sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sync complete: %n record(s) updated.</source>
        <translation>
            <numerusform>Sync complete: %n record updated.</numerusform>
            <numerusform>Sync complete: %n records updated.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sync finished, but some records could not be fetched. Everything received is shown; the rest will be tried again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — showing the local copy. The hospital server could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync cancelled; what was received so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your hospital sign-in has expired. Sign in again to sync; the local copy is still available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hospital refused the credentials of this program. Check the server settings; the local copy is still available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MedicationComparisonModel</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GP (your list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change (GP → hospital)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New at the hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped at the hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GP only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1x/day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1x/week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked — could not be matched to known ingredients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your list → the hospital&apos;s list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MedicationFileActions</name>
    <message>
        <source>Export KMEHR…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as KMEHR medication scheme…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export FHIR…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as Belgian FHIR…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a medication list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication lists (*.xml *.kmehr *.json *.ndjson *.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 lines from the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medication list could not be read or written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the medication list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KMEHR (*.xml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FHIR JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines exported to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list could not be exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MedicationFlagsPanel</name>
    <message>
        <source>Safety flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge with a reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interaction, duplicate, allergy or kidney-function flag for the medicines that could be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags: %1, most severe first. Choose one to see its lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mechanism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MedicationToolbar</name>
    <message>
        <source>New prescription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete (entered by mistake)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide: continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide: stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide: modify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MedicationView</name>
    <message>
        <source>Medication comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the medication…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a patient to compare the hospital&apos;s medication with yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medication could not be read or saved in the local database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New prescription (from the hospital&apos;s list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescription saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescription stopped; it stays as history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete prescription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1? Only for an entry made by mistake: to end a treatment, stop it instead, so it stays as history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescription deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciliation summary saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the medication comparison</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Protect your records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital records are kept encrypted on this computer. Choose a passphrase to lock them. It cannot be recovered: if it is forgotten, the local copy must be wiped and synced again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile will be created in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters. A few unrelated words are easy to type and hard to guess.</source>
        <translation>
            <numerusform>At least %n character. A few unrelated words are easy to type and hard to guess.</numerusform>
            <numerusform>At least %n characters. A few unrelated words are easy to type and hard to guess.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: make it longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair: longer is better.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the encrypted profile…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientHeader</name>
    <message>
        <source>Allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient %1 (no demographic data stored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>age %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>born %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSIN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no SSIN recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies not synced: no allergy information has been received from the hospital.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known allergies recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unnamed substance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HIGH criticality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientListPanel</name>
    <message>
        <source>Search by name, SSIN or birth date (dd/mm/yyyy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to filter the list; Down goes into the list, Enter opens the first patient, Escape clears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empties the search field and shows every patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New since last view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only patients with documents or results you have not seen yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your patients; the arrows choose a patient and open their record, Tab leaves the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Discharged in the last %n day(s)</source>
        <translation>
            <numerusform>Discharged in the last day</numerusform>
            <numerusform>Discharged in the last %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Only patients whose latest hospital stay ended recently</source>
        <translation type="unfinished"></translation>
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
            <numerusform>%n of %1 patients</numerusform>
            <numerusform>%n of %1 patients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents and results that arrived since you last opened the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new document(s) or result(s) since you last opened this patient</source>
        <translation>
            <numerusform>%n new document or result since you last opened this patient</numerusform>
            <numerusform>%n new documents or results since you last opened this patient</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientView</name>
    <message>
        <source>This patient&apos;s record could not be read from the local database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lab results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;roblems and allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tabs of the open patient: Ctrl+1 to Ctrl+5, Ctrl+PgDown and Ctrl+PgUp</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrescriptionEditor</name>
    <message>
        <source>Edit prescription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New prescription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingredient or brand, with strength (e.g. Amlodipine 5 mg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capsule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>puffs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sachet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Frequency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Medication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1x/day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1x/week</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrescriptionList</name>
    <message>
        <source>Your prescriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose and frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsIndicator</name>
    <message>
        <source>Sync &amp;problems (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be read or fetched: show why</source>
        <translation>
            <numerusform>%n record could not be read or fetched: show why</numerusform>
            <numerusform>%n records could not be read or fetched: show why</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync &amp;problems…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync problems</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsTab</name>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criticality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies and intolerances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems recorded by the hospital.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies not synced: nothing was received from the hospital; this is not &apos;no allergies&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known allergies recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed problem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relapse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to assess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed substance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known allergy (recorded statement)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive or refuted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provisional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>severe</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadyPage</name>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consult Desktop will now fetch the records of the patients you follow. This may take a few minutes the first time; you can use the program meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other hospitals that share patients with you can be added later under File &gt; Settings &gt; Hospitals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconciliationReport</name>
    <message>
        <source>Unknown patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>born %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital list: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active hospital prescriptions written after this list (a newer stay), not part of the comparison: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked — could not be matched to known ingredients: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discharge medication of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current medication (the hospital sent no discharge list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no hospital medication stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no medication allergy recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eGFR %1 %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no eGFR stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allergies: %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consult Desktop medication knowledge base %1, CC BY 4.0. It supports, and does not replace, the judgement of the prescriber.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the reconciliation summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No medication on either list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No flag for the medicines that could be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSIN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <source>Who uses this program?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hospital sends only what your profession needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The full hospital record: letters and reports, results, medication, problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home-care nurse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication, allergies, results, and discharge, nursing and care-plan documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physiotherapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stays, problems, procedures, and discharge, surgery, imaging and physiotherapy notes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerForm</name>
    <message>
        <source>Sign in with my hospital account (browser)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client credentials (practice system account)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (demo server on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret (in the request body)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key (signed assertion)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose key file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home-care nurse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physiotherapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client authentication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I am a:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorization URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificates file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(stored; leave empty to keep)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address of the hospital&apos;s FHIR server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the access token given by the hospital.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file does not contain a private key in PEM format.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Connect to the hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hospital&apos;s IT department gives you the server address and tells you how to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the server settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete the sign-in in your browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile is locked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only when I ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after inactivity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync automatically every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Recently discharged” means within:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save, then sign in through your browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospitals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name (printed on exports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dr. First Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name (printed on exports):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeverityNames</name>
    <message>
        <source>Contraindicated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate therapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kidney function</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Starting the demo hospital…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where each shortcut works, what it does and its keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StopPrescriptionDialog</name>
    <message>
        <source>Stop prescription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1? It stays in the list as history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>The profile is locked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncProblemsDialog</name>
    <message>
        <source>Sync problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These records were received from the hospital but could not be read. They are kept aside and are not shown in the patients&apos; files. A later sync replaces them when the hospital sends a corrected version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last sync reported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) kept aside</source>
        <translation>
            <numerusform>%n record kept aside</numerusform>
            <numerusform>%n records kept aside</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems: every record received could be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the sync; what was received so far is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — showing the local copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online — sign-in needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n minute(s) ago</source>
        <translation>
            <numerusform>Last synced %n minute ago</numerusform>
            <numerusform>Last synced %n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n hour(s) ago</source>
        <translation>
            <numerusform>Last synced %n hour ago</numerusform>
            <numerusform>Last synced %n hours ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Last synced on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Trend chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: values drawn: %2, last %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a result to see its trend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No numeric values to draw for this result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not drawn: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critically low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critically high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abnormal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Consult Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consult Desktop is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records stay encrypted while the program is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your patients&apos; records are stored encrypted on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase to open them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: the passphrase is “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Several wrong attempts: checking again in %n second(s)…</source>
        <translation>
            <numerusform>Several wrong attempts: checking again in %n second…</numerusform>
            <numerusform>Several wrong attempts: checking again in %n seconds…</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening the profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase. Check Caps Lock and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowKeyboard</name>
    <message>
        <source>Show the tab %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the search field into the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the first patient found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the list to the open patient&apos;s record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a patient (opens their record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open patient</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WipeWorkstationDialog</name>
    <message>
        <source>Wipe this workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This removes every patient record that Consult Desktop keeps on this computer: the encrypted database, its key file and the key kept in the system keychain, in %1. It cannot be undone. The hospital keeps its records: you can set up the program again later and sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type %1 to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The running sync did not stop; nothing was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>some files are still there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile could not be removed completely: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
