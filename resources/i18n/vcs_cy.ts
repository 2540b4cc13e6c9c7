<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name>AccountPage</name>
    <message>
        <source>Your account</source>
        <translation>Eich cyfrif</translation>
    </message>
    <message>
        <source>The first account is an administrator.</source>
        <translation>Gweinyddwr yw&apos;r cyfrif cyntaf.</translation>
    </message>
    <message>
        <source>Your na&amp;me:</source>
        <translation>Eich &amp;enw:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Enw &amp;defnyddiwr:</translation>
    </message>
    <message>
        <source>e.g. alex.morgan</source>
        <translation>e.e. alex.morgan</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Cyfrinair:</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>C&amp;yfrinair eto:</translation>
    </message>
</context>
<context>
    <name>AcknowledgementDialog</name>
    <message>
        <source>Record the OM&apos;s acknowledgement</source>
        <translation>Cofnodi cydnabyddiaeth yr OM</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nodyn:</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Gweithred</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Cofnod</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Manylion</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>Gwelwyd</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Crëwyd</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Newidiwyd</translation>
    </message>
    <message>
        <source>Disclosed</source>
        <translation>Datgelwyd</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Copi wrth gefn</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Adferwyd</translation>
    </message>
    <message>
        <source>case</source>
        <translation>achos</translation>
    </message>
    <message>
        <source>liaison note</source>
        <translation>nodyn cyswllt</translation>
    </message>
    <message>
        <source>due</source>
        <translation>i&apos;w wneud</translation>
    </message>
    <message>
        <source>opt-in</source>
        <translation>optio i mewn</translation>
    </message>
    <message>
        <source>OM</source>
        <translation>OM</translation>
    </message>
    <message>
        <source>OM team</source>
        <translation>Tîm OM</translation>
    </message>
    <message>
        <source>VLO</source>
        <translation>VLO</translation>
    </message>
    <message>
        <source>CRN</source>
        <translation>CRN</translation>
    </message>
    <message>
        <source>prison number</source>
        <translation>rhif carchar</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>dyddiad geni</translation>
    </message>
    <message>
        <source>offence type</source>
        <translation>math o drosedd</translation>
    </message>
    <message>
        <source>referral received</source>
        <translation>atgyfeiriad wedi&apos;i dderbyn</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>rheolau</translation>
    </message>
    <message>
        <source>how it came</source>
        <translation>sut y daeth</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ar</translation>
    </message>
    <message>
        <source>licence condition request</source>
        <translation>cais am amod trwydded</translation>
    </message>
    <message>
        <source>waits for a reply</source>
        <translation>yn aros am ateb</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ie</translation>
    </message>
    <message>
        <source>no</source>
        <translation>na</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tasg</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>i&apos;w wneud erbyn {date}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>wedi&apos;i wneud</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Pob defnyddiwr</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Pob gweithred</translation>
    </message>
    <message>
        <source>e.g. VCS-000123</source>
        <translation>e.e. VCS-000123</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Unrhyw ddyddiad</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Log archwilio</translation>
    </message>
    <message>
        <source>Entries shown</source>
        <translation>Cofnodion a ddangosir</translation>
    </message>
    <message>
        <source>Audit log message</source>
        <translation>Neges y log archwilio</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>A&amp;llforio CSV…</translation>
    </message>
    <message>
        <source>Ver&amp;ify chain</source>
        <translation>Gwirio&apos;&amp;r gadwyn</translation>
    </message>
    <message>
        <source>Actio&amp;n:</source>
        <translation>Gwe&amp;ithred:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>O:</translation>
    </message>
    <message>
        <source>Export the entries shown as CSV</source>
        <translation>Allforio&apos;r cofnodion a ddangosir fel CSV</translation>
    </message>
    <message>
        <source>Verify the audit chain</source>
        <translation>Gwirio&apos;r gadwyn archwilio</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>D&amp;efnyddiwr:</translation>
    </message>
    <message>
        <source>Filter by user</source>
        <translation>Hidlo yn ôl defnyddiwr</translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation>Hidlo yn ôl gweithred</translation>
    </message>
    <message>
        <source>C&amp;ase:</source>
        <translation>Acho&amp;s:</translation>
    </message>
    <message>
        <source>Filter by case reference</source>
        <translation>Hidlo yn ôl cyfeirnod achos</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>O&apos;r dyddiad</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Hyd at:</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Hyd at y dyddiad</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 cofnod</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>{count} cofnod</translation>
    </message>
    <message>
        <source>{entries} ({loaded} loaded)</source>
        <translation>{entries} ({loaded} wedi&apos;u llwytho)</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Allforio&apos;r log archwilio</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Ffeiliau CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported {count} entries to {path}. The export is recorded in the log as a disclosure.</source>
        <translation>Allforiwyd {count} cofnod i {path}. Mae&apos;r allforio wedi&apos;i gofnodi yn y log fel datgeliad.</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>Backed up at {at} (verified).</source>
        <translation>Copi wrth gefn wedi&apos;i wneud am {at} (wedi&apos;i wirio).</translation>
    </message>
    <message>
        <source>Automatic backup failed</source>
        <translation>Methodd y copi wrth gefn awtomatig</translation>
    </message>
    <message>
        <source>{error}

Your work is still saved in the database; only the backup copy is missing. VCS Desk will try again later.</source>
        <translation>{error}

Mae eich gwaith yn dal wedi&apos;i gadw yn y gronfa ddata; dim ond y copi wrth gefn sydd ar goll. Bydd VCS Desk yn rhoi cynnig arall arni yn nes ymlaen.</translation>
    </message>
    <message>
        <source>Back up to folder</source>
        <translation>Gwneud copi wrth gefn i ffolder</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copi wrth gefn</translation>
    </message>
    <message>
        <source>A backup is being made already; try again in a moment.</source>
        <translation>Mae copi wrth gefn yn cael ei wneud yn barod; rhowch gynnig arall arni mewn munud.</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Methodd y copi wrth gefn</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Copi wrth gefn wedi&apos;i wneud</translation>
    </message>
    <message>
        <source>Backed up to {path}
({size}, integrity checked, {seconds:.1f} s).</source>
        <translation>Copi wrth gefn wedi&apos;i wneud yn {path}
({size}, cywirdeb wedi&apos;i wirio, {seconds:.1f} e).</translation>
    </message>
    <message>
        <source>VCS Desk</source>
        <translation>VCS Desk</translation>
    </message>
    <message>
        <source>Backup before closing failed</source>
        <translation>Methodd y copi wrth gefn cyn cau</translation>
    </message>
</context>
<context>
    <name>BatchLetters</name>
    <message>
        <source>no case in {db} is ready for the letter &apos;{key}&apos;</source>
        <translation>does dim achos yn {db} yn barod ar gyfer y llythyr &apos;{key}&apos;</translation>
    </message>
    <message>
        <source>could not write {out}</source>
        <translation>methu ysgrifennu {out}</translation>
    </message>
</context>
<context>
    <name>BatchLettersView</name>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Yn mynd at</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Llythyr</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Gwiriad</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Yn barod</translation>
    </message>
    <message>
        <source>BLOCKED: {reasons}</source>
        <translation>WEDI EI RWYSTRO: {reasons}</translation>
    </message>
    <message>
        <source>No postal address on file</source>
        <translation>Does dim cyfeiriad post ar ffeil</translation>
    </message>
    <message>
        <source>Batch letters</source>
        <translation>Swp o lythyrau</translation>
    </message>
    <message>
        <source>&amp;Selected cases ({count})</source>
        <translation>Ac&amp;hosion a ddewiswyd ({count})</translation>
    </message>
    <message>
        <source>Letters &amp;due for tasks</source>
        <translation>Llythyrau &amp;sy&apos;n ddyledus ar gyfer tasgau</translation>
    </message>
    <message>
        <source>&amp;Letter:</source>
        <translation>Llythyr:</translation>
    </message>
    <message>
        <source>Save &amp;PDF files in a folder</source>
        <translation>Cadw ffeiliau &amp;PDF mewn ffolder</translation>
    </message>
    <message>
        <source>Save PDF files in a folder</source>
        <translation>Cadw ffeiliau PDF mewn ffolder</translation>
    </message>
    <message>
        <source>Print them, keeping a PDF of each</source>
        <translation>Eu hargraffu, gan gadw PDF o bob un</translation>
    </message>
    <message>
        <source>Produce as:</source>
        <translation>Cynhyrchu fel:</translation>
    </message>
    <message>
        <source>Choose folder</source>
        <translation>Dewis ffolder</translation>
    </message>
    <message>
        <source>Folder for the PDF files</source>
        <translation>Ffolder ar gyfer y ffeiliau PDF</translation>
    </message>
    <message>
        <source>Check letters</source>
        <translation>Gwirio&apos;r llythyrau</translation>
    </message>
    <message>
        <source>Choose the cases and the letter, then check them.</source>
        <translation>Dewiswch yr achosion a&apos;r llythyr, yna gwiriwch nhw.</translation>
    </message>
    <message>
        <source>Batch summary</source>
        <translation>Crynodeb o&apos;r swp</translation>
    </message>
    <message>
        <source>Show only &amp;blocked letters</source>
        <translation>Dangos dim ond llythyrau wedi&apos;u &amp;rhwystro</translation>
    </message>
    <message>
        <source>Show only blocked letters</source>
        <translation>Dangos dim ond llythyrau wedi&apos;u rhwystro</translation>
    </message>
    <message>
        <source>Letters in the batch</source>
        <translation>Llythyrau yn y swp</translation>
    </message>
    <message>
        <source>&amp;Approve and produce</source>
        <translation>Cy&amp;meradwyo a chynhyrchu</translation>
    </message>
    <message>
        <source>Approve and produce</source>
        <translation>Cymeradwyo a chynhyrchu</translation>
    </message>
    <message>
        <source>Add phone tasks for do-not-post cases</source>
        <translation>Ychwanegu tasgau ffonio ar gyfer achosion dim postio</translation>
    </message>
    <message>
        <source>Letter date:</source>
        <translation>Dyddiad y llythyr:</translation>
    </message>
    <message>
        <source>Pr&amp;int them (a PDF of each is kept too)</source>
        <translation>&amp;Eu hargraffu (caiff PDF o bob un ei gadw hefyd)</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Por&amp;i…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ffolder:</translation>
    </message>
    <message>
        <source>Chec&amp;k letters</source>
        <translation>Gwirio&apos;r &amp;llythyrau</translation>
    </message>
    <message>
        <source>Add phone tasks for do-&amp;not-post cases</source>
        <translation>Ychwanegu &amp;tasgau ffonio ar gyfer achosion dim postio</translation>
    </message>
    <message>
        <source>Resu&amp;me</source>
        <translation>Ailddechra&amp;u</translation>
    </message>
    <message>
        <source>Resume producing</source>
        <translation>Ailddechrau cynhyrchu</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>Agor y ffolder</translation>
    </message>
    <message>
        <source>Open the folder of PDFs</source>
        <translation>Agor ffolder y ffeiliau PDF</translation>
    </message>
    <message>
        <source>Batch result</source>
        <translation>Canlyniad y swp</translation>
    </message>
    <message>
        <source>All cases shown in the caseload ({count})</source>
        <translation>Pob achos a ddangosir yn y llwyth achosion ({count})</translation>
    </message>
    <message>
        <source>&amp;Approve and produce {count} letters</source>
        <translation>&amp;Cymeradwyo a chynhyrchu {count} llythyr</translation>
    </message>
    <message>
        <source>No cases to write to: select cases in the caseload first.</source>
        <translation>Does dim achosion i ysgrifennu atynt: dewiswch achosion yn y llwyth achosion yn gyntaf.</translation>
    </message>
    <message>
        <source>Checking letters</source>
        <translation>Gwirio&apos;r llythyrau</translation>
    </message>
    <message>
        <source>Cases: the {count} shown in the caseload when checked ({how}).</source>
        <translation>Achosion: y {count} a ddangoswyd yn y llwyth achosion wrth wirio ({how}).</translation>
    </message>
    <message>
        <source>Approving the letters…</source>
        <translation>Cymeradwyo&apos;r llythyrau…</translation>
    </message>
    <message>
        <source>Producing letters</source>
        <translation>Cynhyrchu&apos;r llythyrau</translation>
    </message>
    <message>
        <source> {count} approved letters are not produced yet: Resume to finish them.</source>
        <translation> Nid yw {count} llythyr a gymeradwywyd wedi&apos;u cynhyrchu eto: dewiswch Ailddechrau i&apos;w gorffen.</translation>
    </message>
    <message>
        <source> PDFs are in {folder}.</source>
        <translation> Mae&apos;r ffeiliau PDF yn {folder}.</translation>
    </message>
    <message>
        <source>{printed} letters printed or saved, {waiting} waiting for the printer, {approved} approved and not printed.</source>
        <translation>{printed} llythyr wedi&apos;u hargraffu neu eu cadw, {waiting} yn aros am yr argraffydd, {approved} wedi&apos;u cymeradwyo a heb eu hargraffu.</translation>
    </message>
    <message>
        <source>Added a phone task for {count} do-not-post cases.</source>
        <translation>Ychwanegwyd tasg ffonio ar gyfer {count} achos dim postio.</translation>
    </message>
</context>
<context>
    <name>BulkDates</name>
    <message>
        <source>Recorded {dates_recorded:,} official date change(s) (batch {batch_id}); {tasks_created:,} victim task(s) created.</source>
        <translation>Cofnodwyd {dates_recorded:,} newid i ddyddiadau swyddogol (swp {batch_id}); crëwyd {tasks_created:,} tasg dioddefwr.</translation>
    </message>
</context>
<context>
    <name>BulkReviewDialog</name>
    <message>
        <source>Line</source>
        <translation>Llinell</translation>
    </message>
    <message>
        <source>Offender</source>
        <translation>Troseddwr</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Newid</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Dioddefwr</translation>
    </message>
    <message>
        <source>Contact level</source>
        <translation>Lefel cyswllt</translation>
    </message>
    <message>
        <source>Told?</source>
        <translation>Dweud?</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>no case</source>
        <translation>dim achos</translation>
    </message>
    <message>
        <source>YES - task</source>
        <translation>OES - tasg</translation>
    </message>
    <message>
        <source>Review official date changes — {file}</source>
        <translation>Adolygu newidiadau i ddyddiadau swyddogol — {file}</translation>
    </message>
    <message>
        <source>file</source>
        <translation>ffeil</translation>
    </message>
    <message>
        <source>Review official date changes</source>
        <translation>Adolygu newidiadau i ddyddiadau swyddogol</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Rhybudd</translation>
    </message>
    <message>
        <source>⚠ LARGE BATCH: this changes official dates on {affected_cases:,} of {open_cases:,} open cases ({share_percent:.1f}%), more than {limit}%. Check the file is the right one: a false bulk release notice is the worst mistake this system can make. You will be asked to confirm a second time.</source>
        <translation>⚠ SWP MAWR: mae hyn yn newid dyddiadau swyddogol ar {affected_cases:,} o {open_cases:,} achos agored ({share_percent:.1f}%), mwy na {limit}%. Gwiriwch mai hon yw&apos;r ffeil gywir: hysbysiad rhyddhau ffug ar raddfa fawr yw&apos;r camgymeriad gwaethaf y gall y system hon ei wneud. Gofynnir i chi gadarnhau eilwaith.</translation>
    </message>
    <message>
        <source>Problems in the file</source>
        <translation>Problemau yn y ffeil</translation>
    </message>
    <message>
        <source>Problems (correct the file and import it again):</source>
        <translation>Problemau (cywirwch y ffeil a&apos;i mewnforio eto):</translation>
    </message>
    <message>
        <source>Changes and the victims who would be told</source>
        <translation>Newidiadau a&apos;r dioddefwyr a fyddai&apos;n cael gwybod</translation>
    </message>
    <message>
        <source>Every change, and every victim who would be told (or why not):</source>
        <translation>Pob newid, a phob dioddefwr a fyddai&apos;n cael gwybod (neu pam lai):</translation>
    </message>
    <message>
        <source>&amp;Confirm and create tasks</source>
        <translation>&amp;Cadarnhau a chreu tasgau</translation>
    </message>
    <message>
        <source>Confirm and create tasks</source>
        <translation>Cadarnhau a chreu tasgau</translation>
    </message>
    <message>
        <source>Import official date changes</source>
        <translation>Mewnforio newidiadau i ddyddiadau swyddogol</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Ffeiliau CSV (*.csv);;Pob ffeil (*)</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Licence &amp;conditions</source>
        <translation>Amoda&amp;u trwydded</translation>
    </message>
    <message>
        <source>&amp;Send to OM…</source>
        <translation>Anfon a&amp;t yr OM…</translation>
    </message>
    <message>
        <source>Send to OM</source>
        <translation>Anfon at yr OM</translation>
    </message>
    <message>
        <source>Ac&amp;knowledged…</source>
        <translation>C&amp;ydnabuwyd…</translation>
    </message>
    <message>
        <source>Record OM acknowledgement</source>
        <translation>Cofnodi cydnabyddiaeth yr OM</translation>
    </message>
    <message>
        <source>&amp;Decision…</source>
        <translation>&amp;Penderfyniad…</translation>
    </message>
    <message>
        <source>Record OM decision</source>
        <translation>Cofnodi penderfyniad yr OM</translation>
    </message>
    <message>
        <source>Victim &amp;informed…</source>
        <translation>Rhoi gwybod &amp;i&apos;r dioddefwr…</translation>
    </message>
    <message>
        <source>Record victim informed</source>
        <translation>Cofnodi rhoi gwybod i&apos;r dioddefwr</translation>
    </message>
    <message>
        <source>Chase O&amp;M…</source>
        <translation>Mynd ar ôl yr O&amp;M…</translation>
    </message>
    <message>
        <source>Chase OM</source>
        <translation>Mynd ar ôl yr OM</translation>
    </message>
    <message>
        <source>V&amp;ariation…</source>
        <translation>Am&amp;rywiad…</translation>
    </message>
    <message>
        <source>Record variation</source>
        <translation>Cofnodi amrywiad</translation>
    </message>
    <message>
        <source>E&amp;nd…</source>
        <translation>Diw&amp;edd…</translation>
    </message>
    <message>
        <source>Record end or withdrawal</source>
        <translation>Cofnodi diwedd neu dynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ddim eto</translation>
    </message>
    <message>
        <source>Requested wording: {wording}</source>
        <translation>Geiriad y gofynnwyd amdano: {wording}</translation>
    </message>
    <message>
        <source>Wording on the licence: {wording}</source>
        <translation>Geiriad ar y drwydded: {wording}</translation>
    </message>
    <message>
        <source>Victim&apos;s reason: {reason}</source>
        <translation>Rheswm y dioddefwr: {reason}</translation>
    </message>
    <message>
        <source>Risk it addresses: {risk}</source>
        <translation>Y risg y mae&apos;n mynd i&apos;r afael â hi: {risk}</translation>
    </message>
    <message>
        <source>OM&apos;s decision: {decision} on {date}</source>
        <translation>Penderfyniad yr OM: {decision} ar {date}</translation>
    </message>
    <message>
        <source> — reason: {reason}</source>
        <translation> — rheswm: {reason}</translation>
    </message>
    <message>
        <source>Map attached: {name}</source>
        <translation>Map wedi&apos;i atodi: {name}</translation>
    </message>
    <message>
        <source>Last varied: {date}</source>
        <translation>Amrywiwyd ddiwethaf: {date}</translation>
    </message>
    <message>
        <source>Ended: {date}</source>
        <translation>Daeth i ben: {date}</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Amod</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Gofynnwyd</translation>
    </message>
    <message>
        <source>Sent to OM</source>
        <translation>Anfonwyd at yr OM</translation>
    </message>
    <message>
        <source>OM</source>
        <translation>OM</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Penderfyniad</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Penderfynwyd</translation>
    </message>
    <message>
        <source>Victim told</source>
        <translation>Dywedwyd wrth y dioddefwr</translation>
    </message>
    <message>
        <source>Chases</source>
        <translation>Atgoffáu</translation>
    </message>
    <message>
        <source>Chase due</source>
        <translation>Atgoffa erbyn</translation>
    </message>
    <message>
        <source>Licence condition requests</source>
        <translation>Ceisiadau am amodau trwydded</translation>
    </message>
    <message>
        <source>Request details</source>
        <translation>Manylion y cais</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Cam</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Cofnodwyd gan</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>Steps of the request</source>
        <translation>Camau&apos;r cais</translation>
    </message>
    <message>
        <source>Open ma&amp;p</source>
        <translation>Agor y map</translation>
    </message>
    <message>
        <source>Open map picture</source>
        <translation>Agor llun y map</translation>
    </message>
    <message>
        <source>No licence conditions have been requested for this case.</source>
        <translation>Does dim cais wedi&apos;i wneud am amodau trwydded ar gyfer yr achos hwn.</translation>
    </message>
    <message>
        <source>1 request; select one to see its details and next steps.</source>
        <translation>1 cais; dewiswch ef i weld ei fanylion a&apos;r camau nesaf.</translation>
    </message>
    <message>
        <source>{count} requests; select one to see its details and next steps.</source>
        <translation>{count} cais; dewiswch un i weld ei fanylion a&apos;r camau nesaf.</translation>
    </message>
    <message>
        <source>Licence conditions summary</source>
        <translation>Crynodeb o&apos;r amodau trwydded</translation>
    </message>
    <message>
        <source>Details and steps of the selected request</source>
        <translation>Manylion a chamau&apos;r cais a ddewiswyd</translation>
    </message>
    <message>
        <source>Re&amp;quest condition…</source>
        <translation>Gw&amp;neud cais am amod…</translation>
    </message>
    <message>
        <source>Request a licence condition</source>
        <translation>Gwneud cais am amod trwydded</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Hanes</translation>
    </message>
    <message>
        <source>Opt-in state</source>
        <translation>Cyflwr optio i mewn</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Ffynhonnell</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Gweithred</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Cofnod</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Newid</translation>
    </message>
    <message>
        <source>Opt-in history</source>
        <translation>Hanes optio i mewn</translation>
    </message>
    <message>
        <source>Record history (audit)</source>
        <translation>Hanes y cofnod (archwilio)</translation>
    </message>
    <message>
        <source>Record history</source>
        <translation>Hanes y cofnod</translation>
    </message>
    <message>
        <source>Contacts &amp;&amp; le&amp;tters</source>
        <translation>Cysylltiadau a llythyrau</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Gan</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Erbyn</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tasg</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Agored</translation>
    </message>
    <message>
        <source>Cancelled {date}</source>
        <translation>Canslwyd {date}</translation>
    </message>
    <message>
        <source>Done {date}</source>
        <translation>Gwnaed {date}</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Llythyr</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>To</source>
        <translation>At</translation>
    </message>
    <message>
        <source>Wording version</source>
        <translation>Fersiwn y geiriad</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Llythyrau</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasgau</translation>
    </message>
    <message>
        <source>Contacts with the victim</source>
        <translation>Cysylltiadau â&apos;r dioddefwr</translation>
    </message>
    <message>
        <source>&amp;Write letter…</source>
        <translation>&amp;Ysgrifennu llythyr…</translation>
    </message>
    <message>
        <source>Write letter</source>
        <translation>Ysgrifennu llythyr</translation>
    </message>
    <message>
        <source>&amp;Open letter…</source>
        <translation>Agor &amp;llythyr…</translation>
    </message>
    <message>
        <source>Mar&amp;k returned…</source>
        <translation>&amp;Marcio wedi&apos;i ddychwelyd…</translation>
    </message>
    <message>
        <source>Withdr&amp;aw…</source>
        <translation>&amp;Tynnu&apos;n ôl…</translation>
    </message>
    <message>
        <source>Open letter</source>
        <translation>Agor llythyr</translation>
    </message>
    <message>
        <source>Open &amp;PDF</source>
        <translation>Agor y &amp;PDF</translation>
    </message>
    <message>
        <source>Open the kept PDF</source>
        <translation>Agor y PDF a gadwyd</translation>
    </message>
    <message>
        <source>Mark returned undelivered</source>
        <translation>Marcio wedi&apos;i ddychwelyd heb ei ddosbarthu</translation>
    </message>
    <message>
        <source>Withdraw letter</source>
        <translation>Tynnu&apos;r llythyr yn ôl</translation>
    </message>
    <message>
        <source>&amp;Liaison log</source>
        <translation>Cofnod cyswllt</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Ateb</translation>
    </message>
    <message>
        <source>Chase: answered {date}</source>
        <translation>Atgoffa: atebwyd {date}</translation>
    </message>
    <message>
        <source>answered {date}</source>
        <translation>atebwyd {date}</translation>
    </message>
    <message>
        <source>Chase: WAITING FOR REPLY</source>
        <translation>Atgoffa: YN AROS AM ATEB</translation>
    </message>
    <message>
        <source>WAITING FOR REPLY</source>
        <translation>YN AROS AM ATEB</translation>
    </message>
    <message>
        <source>Offender manager</source>
        <translation>Rheolwr troseddwyr</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Dim wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>From</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Tîm</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>before records</source>
        <translation>cyn y cofnodion</translation>
    </message>
    <message>
        <source>now</source>
        <translation>nawr</translation>
    </message>
    <message>
        <source>Offender manager history</source>
        <translation>Hanes rheolwyr troseddwyr</translation>
    </message>
    <message>
        <source>No change of offender manager recorded for this case.</source>
        <translation>Does dim newid rheolwr troseddwyr wedi&apos;i gofnodi ar gyfer yr achos hwn.</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Gyda</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Sianel</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Cais</translation>
    </message>
    <message>
        <source>Follow up by</source>
        <translation>Dilyn i fyny erbyn</translation>
    </message>
    <message>
        <source>Liaison log</source>
        <translation>Cofnod cyswllt</translation>
    </message>
    <message>
        <source>Chase OM about the selected note</source>
        <translation>Mynd ar ôl yr OM am y nodyn a ddewiswyd</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>Negeseuon</translation>
    </message>
    <message>
        <source>&amp;Add liaison note…</source>
        <translation>&amp;Ychwanegu nodyn cyswllt…</translation>
    </message>
    <message>
        <source>Add liaison note</source>
        <translation>Ychwanegu nodyn cyswllt</translation>
    </message>
    <message>
        <source>Chan&amp;ge OM…</source>
        <translation>&amp;Newid yr OM…</translation>
    </message>
    <message>
        <source>Change offender manager</source>
        <translation>Newid rheolwr troseddwyr</translation>
    </message>
    <message>
        <source>&amp;Offender &amp;&amp; dates</source>
        <translation>Troseddwr a dyddiadau</translation>
    </message>
    <message>
        <source>Key date</source>
        <translation>Dyddiad allweddol</translation>
    </message>
    <message>
        <source>Official date</source>
        <translation>Dyddiad swyddogol</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Derbyniwyd</translation>
    </message>
    <message>
        <source>Estimate (not official)</source>
        <translation>Amcangyfrif (nid swyddogol)</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Gwirio</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Hen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Newydd</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>heb ei gofnodi</translation>
    </message>
    <message>
        <source>(first recorded)</source>
        <translation>(cofnod cyntaf)</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Cyfredol</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Wedi&apos;i ddisodli</translation>
    </message>
    <message>
        <source>ESTIMATES ARE NOT OFFICIAL. They are worked out by VCS Desk from the sentence to warn you early; the prison&apos;s calculation is the only official date, and an estimate is never given to a victim or put in a letter.</source>
        <translation>NID YW AMCANGYFRIFON YN SWYDDOGOL. Mae VCS Desk yn eu cyfrifo o&apos;r ddedfryd i roi rhybudd cynnar i chi; cyfrifiad y carchar yw&apos;r unig ddyddiad swyddogol, ac ni roddir amcangyfrif i ddioddefwr nac mewn llythyr byth.</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Dedfryd</translation>
    </message>
    <message>
        <source>No sentence recorded yet.</source>
        <translation>Does dim dedfryd wedi&apos;i chofnodi eto.</translation>
    </message>
    <message>
        <source>Offence type</source>
        <translation>Math o drosedd</translation>
    </message>
    <message>
        <source>Offences</source>
        <translation>Troseddau</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Llys</translation>
    </message>
    <message>
        <source>Earlier records</source>
        <translation>Cofnodion cynharach</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Dyddiad geni</translation>
    </message>
    <message>
        <source>CRN</source>
        <translation>CRN</translation>
    </message>
    <message>
        <source>Prison number</source>
        <translation>Rhif carchar</translation>
    </message>
    <message>
        <source>Establishment (internal only)</source>
        <translation>Sefydliad (mewnol yn unig)</translation>
    </message>
    <message>
        <source>Offence</source>
        <translation>Trosedd</translation>
    </message>
    <message>
        <source>Official key dates beside estimates</source>
        <translation>Dyddiadau allweddol swyddogol wrth ymyl amcangyfrifon</translation>
    </message>
    <message>
        <source>How the estimates were worked out</source>
        <translation>Sut y cyfrifwyd yr amcangyfrifon</translation>
    </message>
    <message>
        <source>History of official dates</source>
        <translation>Hanes y dyddiadau swyddogol</translation>
    </message>
    <message>
        <source>Official key dates, with VCS Desk&apos;s estimates beside them:</source>
        <translation>Dyddiadau allweddol swyddogol, gydag amcangyfrifon VCS Desk wrth eu hymyl:</translation>
    </message>
    <message>
        <source>How the estimates were worked out (not official):</source>
        <translation>Sut y cyfrifwyd yr amcangyfrifon (nid swyddogol):</translation>
    </message>
    <message>
        <source>History of official dates (old → new; nothing is overwritten):</source>
        <translation>Hanes y dyddiadau swyddogol (hen → newydd; does dim yn cael ei ddileu):</translation>
    </message>
    <message>
        <source>Record &amp;sentence…</source>
        <translation>Cofnodi d&amp;edfryd…</translation>
    </message>
    <message>
        <source>Record sentence</source>
        <translation>Cofnodi dedfryd</translation>
    </message>
    <message>
        <source>Add &amp;key date…</source>
        <translation>Ychwanegu dyddiad a&amp;llweddol…</translation>
    </message>
    <message>
        <source>Add key date</source>
        <translation>Ychwanegu dyddiad allweddol</translation>
    </message>
    <message>
        <source>Record eve&amp;nt…</source>
        <translation>Cof&amp;nodi digwyddiad…</translation>
    </message>
    <message>
        <source>E&amp;dit offender…</source>
        <translation>Golygu&apos;r &amp;troseddwr…</translation>
    </message>
    <message>
        <source>Record sentence event</source>
        <translation>Cofnodi digwyddiad dedfryd</translation>
    </message>
    <message>
        <source>Edit offender</source>
        <translation>Golygu&apos;r troseddwr</translation>
    </message>
    <message>
        <source>Ti&amp;meline</source>
        <translation>Llinell amser</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Manylion</translation>
    </message>
    <message>
        <source>Type says where each date comes from: OFFICIAL dates are from the prison, PPCS or the hospital; ESTIMATE (NOT OFFICIAL) dates are worked out by VCS Desk from the sentence and are never given to a victim; EVENTS are what you recorded.</source>
        <translation>Mae Math yn dangos o ble daw pob dyddiad: daw dyddiadau OFFICIAL (swyddogol) o&apos;r carchar, PPCS neu&apos;r ysbyty; mae VCS Desk yn cyfrifo dyddiadau ESTIMATE (NOT OFFICIAL) (amcangyfrif, nid swyddogol) o&apos;r ddedfryd ac ni chânt eu rhoi i ddioddefwr byth; EVENTS (digwyddiadau) yw&apos;r hyn a gofnodwyd gennych.</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>Gorffennol</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heddiw</translation>
    </message>
    <message>
        <source>Future</source>
        <translation>Dyfodol</translation>
    </message>
    <message>
        <source>TODAY</source>
        <translation>HEDDIW</translation>
    </message>
    <message>
        <source>— today —</source>
        <translation>— heddiw —</translation>
    </message>
    <message>
        <source>Case timeline</source>
        <translation>Llinell amser yr achos</translation>
    </message>
    <message>
        <source>How to read the timeline</source>
        <translation>Sut i ddarllen y llinell amser</translation>
    </message>
    <message>
        <source>&amp;Victim &amp;&amp; contact</source>
        <translation>Dioddefwr a chyswllt</translation>
    </message>
    <message>
        <source>, {months} months</source>
        <translation>, {months} mis</translation>
    </message>
    <message>
        <source>{relationship} of {person}</source>
        <translation>{relationship} {person}</translation>
    </message>
    <message>
        <source>Not chosen yet (asked when they opt in)</source>
        <translation>Heb ei ddewis eto (gofynnir pan fyddant yn optio i mewn)</translation>
    </message>
    <message>
        <source>Contact is with</source>
        <translation>Cyswllt gyda</translation>
    </message>
    <message>
        <source>Acts for</source>
        <translation>Yn gweithredu ar ran</translation>
    </message>
    <message>
        <source>Parent/guardian</source>
        <translation>Rhiant/gwarcheidwad</translation>
    </message>
    <message>
        <source>Accessibility needs</source>
        <translation>Anghenion hygyrchedd</translation>
    </message>
    <message>
        <source>Phone first</source>
        <translation>Ffonio yn gyntaf</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <source> (manager override)</source>
        <translation> (penderfyniad rheolwr)</translation>
    </message>
    <message>
        <source>Opt-in</source>
        <translation>Optio i mewn</translation>
    </message>
    <message>
        <source>Contact level</source>
        <translation>Lefel cyswllt</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Sianel a ffefrir</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Atgyfeiriwyd</translation>
    </message>
    <message>
        <source>{date} by {referrer}</source>
        <translation>{date} gan {referrer}</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Cymhwysedd</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>{reason} (rules {version})</source>
        <translation>{reason} (rheolau {version})</translation>
    </message>
    <message>
        <source>VLO</source>
        <translation>VLO</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Manylyn</translation>
    </message>
    <message>
        <source>Safe to use</source>
        <translation>Diogel i&apos;w ddefnyddio</translation>
    </message>
    <message>
        <source>Do not post</source>
        <translation>Peidiwch â phostio</translation>
    </message>
    <message>
        <source>Safe alternative</source>
        <translation>Dewis arall diogel</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Dilys</translation>
    </message>
    <message>
        <source>NO - UNSAFE</source>
        <translation>NA - ANNIOGEL</translation>
    </message>
    <message>
        <source>DO NOT POST</source>
        <translation>DIM POSTIO</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} i {end}</translation>
    </message>
    <message>
        <source>always</source>
        <translation>bob amser</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Manylion cyswllt</translation>
    </message>
    <message>
        <source>Follo&amp;w-up sent…</source>
        <translation>Anfonwyd &amp;neges ddilynol…</translation>
    </message>
    <message>
        <source>Follow-up sent</source>
        <translation>Anfonwyd neges ddilynol</translation>
    </message>
    <message>
        <source>A follow-up answers an offer that has had no reply.</source>
        <translation>Mae neges ddilynol yn dilyn cynnig sydd heb gael ateb.</translation>
    </message>
    <message>
        <source>Record opt-&amp;in change…</source>
        <translation>Cofnodi newid optio &amp;i mewn…</translation>
    </message>
    <message>
        <source>Record opt-in change</source>
        <translation>Cofnodi newid optio i mewn</translation>
    </message>
    <message>
        <source>Edit referra&amp;l…</source>
        <translation>Golygu&apos;&amp;r atgyfeiriad…</translation>
    </message>
    <message>
        <source>Edit victi&amp;m…</source>
        <translation>Golygu&apos;r diodd&amp;efwr…</translation>
    </message>
    <message>
        <source>Edit referral</source>
        <translation>Golygu&apos;r atgyfeiriad</translation>
    </message>
    <message>
        <source>Eli&amp;gibility…</source>
        <translation>Cymhwy&amp;sedd…</translation>
    </message>
    <message>
        <source>Eligibility override</source>
        <translation>Diystyru cymhwysedd</translation>
    </message>
    <message>
        <source>Edit victim</source>
        <translation>Golygu&apos;r dioddefwr</translation>
    </message>
    <message>
        <source>Contact &amp;preferences…</source>
        <translation>Dewisiadau cyswllt…</translation>
    </message>
    <message>
        <source>Contact preferences</source>
        <translation>Dewisiadau cyswllt</translation>
    </message>
    <message>
        <source>&amp;Add contact detail…</source>
        <translation>&amp;Ychwanegu manylyn cyswllt…</translation>
    </message>
    <message>
        <source>Add contact detail</source>
        <translation>Ychwanegu manylyn cyswllt</translation>
    </message>
    <message>
        <source>Edit contact &amp;detail…</source>
        <translation>Golygu &amp;manylyn cyswllt…</translation>
    </message>
    <message>
        <source>Edit contact detail</source>
        <translation>Golygu manylyn cyswllt</translation>
    </message>
    <message>
        <source>Case {ref}</source>
        <translation>Achos {ref}</translation>
    </message>
    <message>
        <source>Case sections</source>
        <translation>Adrannau&apos;r achos</translation>
    </message>
    <message>
        <source>{section} ({key})</source>
        <translation>{section} ({key})</translation>
    </message>
    <message>
        <source>{ref}  ·  {victim}  ·  offender {offender}</source>
        <translation>{ref}  ·  {victim}  ·  troseddwr {offender}</translation>
    </message>
    <message>
        <source>⚠ SAFETY: {flags}</source>
        <translation>⚠ DIOGELWCH: {flags}</translation>
    </message>
    <message>
        <source>No safety flags recorded.</source>
        <translation>Does dim baneri diogelwch wedi&apos;u cofnodi.</translation>
    </message>
    <message>
        <source>Safety flags: {flags}.</source>
        <translation>Baneri diogelwch: {flags}.</translation>
    </message>
    <message>
        <source>Needs: {needs}</source>
        <translation>Anghenion: {needs}</translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Dioddefwr</translation>
    </message>
    <message>
        <source>Offender</source>
        <translation>Troseddwr</translation>
    </message>
    <message>
        <source>Offence</source>
        <translation>Trosedd</translation>
    </message>
    <message>
        <source>Opt-in</source>
        <translation>Optio i mewn</translation>
    </message>
    <message>
        <source>Contact level</source>
        <translation>Lefel cyswllt</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Nesaf erbyn</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Baneri</translation>
    </message>
    <message>
        <source>VLO</source>
        <translation>VLO</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation>Heb ei ddewis</translation>
    </message>
    <message>
        <source>{date} overdue</source>
        <translation>{date} dros amser</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <source>Search names, references, phone numbers, postcodes, OMs or notes</source>
        <translation>Chwilio enwau, cyfeirnodau, rhifau ffôn, codau post, OMau neu nodiadau</translation>
    </message>
    <message>
        <source>Search caseload</source>
        <translation>Chwilio&apos;r llwyth achosion</translation>
    </message>
    <message>
        <source>Filter by VLO</source>
        <translation>Hidlo yn ôl VLO</translation>
    </message>
    <message>
        <source>All VLOs</source>
        <translation>Pob VLO</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Hidlo yn ôl statws</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Achosion agored</translation>
    </message>
    <message>
        <source>Closed cases</source>
        <translation>Achosion wedi&apos;u cau</translation>
    </message>
    <message>
        <source>Archived cases</source>
        <translation>Achosion wedi&apos;u harchifo</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Pob achos</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Llwyth achosion</translation>
    </message>
    <message>
        <source>Cases shown</source>
        <translation>Achosion a ddangosir</translation>
    </message>
    <message>
        <source>Why the list is empty</source>
        <translation>Pam mae&apos;r rhestr yn wag</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>C&amp;hwilio:</translation>
    </message>
    <message>
        <source>V&amp;LO:</source>
        <translation>&amp;VLO:</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>S&amp;tatws:</translation>
    </message>
    <message>
        <source>No cases yet: Ctrl+N new referral, Ctrl+I import referrals.</source>
        <translation>Dim achosion eto: Ctrl+N atgyfeiriad newydd, Ctrl+I mewnforio atgyfeiriadau.</translation>
    </message>
    <message>
        <source>No case matches “{text}” here. Esc clears the search; Status: All cases looks in closed and archived cases too.</source>
        <translation>Does dim achos yn cyfateb i “{text}” yma. Mae Esc yn clirio&apos;r chwiliad; mae Statws: Pob achos yn chwilio achosion wedi cau ac wedi&apos;u harchifo hefyd.</translation>
    </message>
    <message>
        <source>No cases with this VLO and status.</source>
        <translation>Dim achosion gyda&apos;r VLO a&apos;r statws hwn.</translation>
    </message>
    <message>
        <source>search “%1”</source>
        <translation>chwilio “%1”</translation>
    </message>
    <message>
        <source>no search</source>
        <translation>dim chwiliad</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Wrthi&apos;n chwilio…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wrthi&apos;n cyfrif…</translation>
    </message>
    <message>
        <source>1 case</source>
        <translation>1 achos</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>%1 achos</translation>
    </message>
</context>
<context>
    <name>ChangeOMDialog</name>
    <message>
        <source>Change the case&apos;s offender manager</source>
        <translation>Newid rheolwr troseddwyr yr achos</translation>
    </message>
    <message>
        <source>Current OM: {value}</source>
        <translation>OM presennol: {value}</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>dim wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>&amp;New OM:</source>
        <translation>OM &amp;newydd:</translation>
    </message>
    <message>
        <source>The directory is empty: add the OM there first (View menu).</source>
        <translation>Mae&apos;r cyfeiriadur yn wag: ychwanegwch yr OM yno yn gyntaf (dewislen Gweld).</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>O:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Rheswm:</translation>
    </message>
    <message>
        <source>Choose the new offender manager.</source>
        <translation>Dewiswch y rheolwr troseddwyr newydd.</translation>
    </message>
</context>
<context>
    <name>ChaseDialog</name>
    <message>
        <source>Chase the offender manager</source>
        <translation>Mynd ar ôl y rheolwr troseddwyr</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dyddiad:</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>&amp;Gan:</translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation>C&amp;rynodeb:</translation>
    </message>
    <message>
        <source>Chased {om} for a reply: {what}.</source>
        <translation>Wedi mynd ar ôl {om} am ateb: {what}.</translation>
    </message>
    <message>
        <source>the OM</source>
        <translation>yr OM</translation>
    </message>
    <message>
        <source>Say how the OM was chased.</source>
        <translation>Dywedwch sut yr aethoch ar ôl yr OM.</translation>
    </message>
</context>
<context>
    <name>Condition</name>
    <message>
        <source>Record that the victim was told</source>
        <translation>Cofnodi bod y dioddefwr wedi cael gwybod</translation>
    </message>
    <message>
        <source>&amp;How they were told:</source>
        <translation>&amp;Sut y cawson nhw wybod:</translation>
    </message>
    <message>
        <source>Record the end of the condition</source>
        <translation>Cofnodi diwedd yr amod</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Pam:</translation>
    </message>
    <message>
        <source>licence condition request ({title})</source>
        <translation>cais am amod trwydded ({title})</translation>
    </message>
    <message>
        <source>The map picture is missing from the data folder.</source>
        <translation>Mae llun y map ar goll o&apos;r ffolder data.</translation>
    </message>
</context>
<context>
    <name>ConditionDialog</name>
    <message>
        <source>Everything here goes to the offender manager: never write the victim&apos;s address, phone number or email.</source>
        <translation>Mae popeth yma&apos;n mynd at y rheolwr troseddwyr: peidiwch byth ag ysgrifennu cyfeiriad, rhif ffôn nac e-bost y dioddefwr.</translation>
    </message>
    <message>
        <source>Request a licence condition</source>
        <translation>Gwneud cais am amod trwydded</translation>
    </message>
    <message>
        <source>&amp;Condition:</source>
        <translation>&amp;Amod:</translation>
    </message>
    <message>
        <source>Condition details</source>
        <translation>Manylion yr amod</translation>
    </message>
    <message>
        <source>&amp;Wording:</source>
        <translation>&amp;Geiriad:</translation>
    </message>
    <message>
        <source>Victim&apos;s &amp;reason:</source>
        <translation>&amp;Rheswm y dioddefwr:</translation>
    </message>
    <message>
        <source>Ris&amp;k it addresses:</source>
        <translation>&amp;Y risg y mae&apos;n mynd i&apos;r afael â hi:</translation>
    </message>
    <message>
        <source>Requested &amp;on:</source>
        <translation>G&amp;ofynnwyd ar:</translation>
    </message>
    <message>
        <source>No map attached</source>
        <translation>Dim map wedi&apos;i atodi</translation>
    </message>
    <message>
        <source>Choose &amp;map…</source>
        <translation>Dewis &amp;map…</translation>
    </message>
    <message>
        <source>Choose map picture</source>
        <translation>Dewis llun map</translation>
    </message>
    <message>
        <source>Remove map</source>
        <translation>Tynnu&apos;r map</translation>
    </message>
    <message>
        <source>Map (area only):</source>
        <translation>Map (yr ardal yn unig):</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Map picture file</source>
        <translation>Ffeil llun y map</translation>
    </message>
    <message>
        <source>I have checked the map does not show the victim&apos;s address</source>
        <translation>Rwyf wedi gwirio nad yw&apos;r map yn dangos cyfeiriad y dioddefwr</translation>
    </message>
    <message>
        <source>Map checked: does not show the victim&apos;s address</source>
        <translation>Map wedi&apos;i wirio: nid yw&apos;n dangos cyfeiriad y dioddefwr</translation>
    </message>
    <message>
        <source>Choose the map picture</source>
        <translation>Dewis llun y map</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.bmp)</source>
        <translation>Lluniau (*.png *.jpg *.jpeg *.gif *.bmp)</translation>
    </message>
    <message>
        <source>Check the map and tick that it does not show the victim&apos;s address.</source>
        <translation>Gwiriwch y map a thiciwch nad yw&apos;n dangos cyfeiriad y dioddefwr.</translation>
    </message>
</context>
<context>
    <name>ConditionStatsView</name>
    <message>
        <source>No licence conditions were requested in this period.</source>
        <translation>Ni wnaed cais am unrhyw amodau trwydded yn y cyfnod hwn.</translation>
    </message>
    <message>
        <source>{rate} of decided requests were included ({included} of {decided})</source>
        <translation>Cafodd {rate} o&apos;r ceisiadau y penderfynwyd arnynt eu cynnwys ({included} o {decided})</translation>
    </message>
    <message>
        <source>No request has been decided yet</source>
        <translation>Does dim penderfyniad wedi&apos;i wneud ar unrhyw gais eto</translation>
    </message>
    <message>
        <source>median {days} days from request to decision</source>
        <translation>canolrif o {days} diwrnod o&apos;r cais i&apos;r penderfyniad</translation>
    </message>
    <message>
        <source>no decisions to time</source>
        <translation>dim penderfyniadau i&apos;w hamseru</translation>
    </message>
    <message>
        <source>{rate}; {amended} amended, {refused} refused, {pending} awaiting a decision; {median}; {chases} chase(s) of offender managers.</source>
        <translation>{rate}; {amended} wedi&apos;u diwygio, {refused} wedi&apos;u gwrthod, {pending} yn aros am benderfyniad; {median}; {chases} neges atgoffa i reolwyr troseddwyr.</translation>
    </message>
    <message>
        <source>n/a (none decided)</source>
        <translation>amherthnasol (dim penderfyniadau)</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>Grwpio &amp;yn ôl:</translation>
    </message>
    <message>
        <source>Group requests by</source>
        <translation>Grwpio ceisiadau yn ôl</translation>
    </message>
    <message>
        <source>Requested fr&amp;om:</source>
        <translation>Gofy&amp;nnwyd o:</translation>
    </message>
    <message>
        <source>Requested from</source>
        <translation>Gofynnwyd o</translation>
    </message>
    <message>
        <source>Requested &amp;until:</source>
        <translation>Gofynnwyd &amp;tan:</translation>
    </message>
    <message>
        <source>Requested until</source>
        <translation>Gofynnwyd tan</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Unrhyw ddyddiad</translation>
    </message>
    <message>
        <source>Overall figures</source>
        <translation>Ffigurau cyffredinol</translation>
    </message>
    <message>
        <source>Condition statistics by period and team</source>
        <translation>Ystadegau amodau yn ôl cyfnod a thîm</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>Dangos</translation>
    </message>
    <message>
        <source>Show the statistics</source>
        <translation>Dangos yr ystadegau</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>A&amp;llforio CSV…</translation>
    </message>
    <message>
        <source>Export the statistics to a CSV file</source>
        <translation>Allforio&apos;r ystadegau i ffeil CSV</translation>
    </message>
    <message>
        <source>Requests are grouped by when they were made. Inclusion rate = included / decided (amended and refused count as decided, not included). &apos;All&apos; rows add up a period or everything.</source>
        <translation>Caiff ceisiadau eu grwpio yn ôl pryd y&apos;u gwnaed. Cyfradd cynnwys = wedi&apos;u cynnwys / wedi&apos;u penderfynu (mae rhai wedi&apos;u diwygio a&apos;u gwrthod yn cyfrif fel wedi&apos;u penderfynu, nid wedi&apos;u cynnwys). Mae rhesi &apos;All&apos; yn adio cyfnod neu&apos;r cyfan.</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>Allforio ystadegau</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved {count} row(s) of statistics to {path}</source>
        <translation>Cadwyd {count} rhes o ystadegau i {path}</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Monday</source>
        <translation>dydd Llun</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>dydd Mawrth</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>dydd Mercher</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>dydd Iau</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>dydd Gwener</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>dydd Sadwrn</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>dydd Sul</translation>
    </message>
    <message>
        <source>Tasks due</source>
        <translation>Tasgau i&apos;w gwneud</translation>
    </message>
    <message>
        <source>Filter tasks by VLO</source>
        <translation>Hidlo tasgau yn ôl VLO</translation>
    </message>
    <message>
        <source>V&amp;LO:</source>
        <translation>&amp;VLO:</translation>
    </message>
    <message>
        <source>Tasks as of</source>
        <translation>Tasgau ar</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>Agor acho&amp;s</translation>
    </message>
    <message>
        <source>Open the case of the selected task</source>
        <translation>Agor achos y dasg a ddewiswyd</translation>
    </message>
    <message>
        <source>&amp;Mark task done</source>
        <translation>&amp;Marcio&apos;r dasg yn gyflawn</translation>
    </message>
    <message>
        <source>Mark the selected task done</source>
        <translation>Marcio&apos;r dasg a ddewiswyd yn gyflawn</translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation>Dim i&apos;w wneud</translation>
    </message>
    <message>
        <source>All VLOs</source>
        <translation>Pob VLO</translation>
    </message>
    <message>
        <source>As of {day} {date}</source>
        <translation>Fel ar {day} {date}</translation>
    </message>
    <message>
        <source>Over&amp;due</source>
        <translation>D&amp;ros amser</translation>
    </message>
    <message>
        <source>Due toda&amp;y</source>
        <translation>I&apos;w wneud &amp;heddiw</translation>
    </message>
    <message>
        <source>This &amp;week</source>
        <translation>&amp;Yr wythnos hon</translation>
    </message>
    <message>
        <source>&amp;All due</source>
        <translation>&amp;Pob un sy&apos;n ddyledus</translation>
    </message>
    <message>
        <source>%1 tasks</source>
        <translation>%1 tasg</translation>
    </message>
    <message>
        <source>Nothing due here.</source>
        <translation>Does dim i&apos;w wneud yma.</translation>
    </message>
</context>
<context>
    <name>DatabaseKeyDialog</name>
    <message>
        <source>Encrypted caseload</source>
        <translation>Llwyth achosion wedi&apos;i amgryptio</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; is encrypted, or it is not a VCS Desk database.&lt;br&gt;Enter the database key to open it. The key is not your sign-in password: ask whoever set up this caseload if you do not have it.</source>
        <translation>Mae &lt;b&gt;{name}&lt;/b&gt; wedi&apos;i amgryptio, neu nid yw&apos;n gronfa ddata VCS Desk.&lt;br&gt;Rhowch allwedd y gronfa ddata i&apos;w hagor. Nid eich cyfrinair mewngofnodi yw&apos;r allwedd: gofynnwch i bwy bynnag a sefydlodd y llwyth achosion hwn os nad yw gennych.</translation>
    </message>
    <message>
        <source>About the encrypted caseload</source>
        <translation>Am y llwyth achosion wedi&apos;i amgryptio</translation>
    </message>
    <message>
        <source>Database &amp;key:</source>
        <translation>&amp;Allwedd y gronfa ddata:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>A&amp;gor</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Canslo</translation>
    </message>
    <message>
        <source>Enter the database key.</source>
        <translation>Rhowch allwedd y gronfa ddata.</translation>
    </message>
    <message>
        <source>A key cannot contain a null character.</source>
        <translation>Ni all allwedd gynnwys nod null.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>Not known</source>
        <translation>Ddim yn hysbys</translation>
    </message>
    <message>
        <source>Type the date, e.g. 02/11/2026 or 02112026. Delete clears it; Alt+Down opens a calendar.</source>
        <translation>Teipiwch y dyddiad, e.e. 02/11/2026 neu 02112026. Mae Delete yn ei glirio; mae Alt+Down yn agor calendr.</translation>
    </message>
    <message>
        <source>{field}: “{typed}” is not a date; type it as 02/11/2026 or 02112026.</source>
        <translation>{field}: nid yw “{typed}” yn ddyddiad; teipiwch ef fel 02/11/2026 neu 02112026.</translation>
    </message>
</context>
<context>
    <name>DatedNoteDialog</name>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dyddiad:</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Record the OM&apos;s decision</source>
        <translation>Cofnodi penderfyniad yr OM</translation>
    </message>
    <message>
        <source>D&amp;ecision:</source>
        <translation>P&amp;enderfyniad:</translation>
    </message>
    <message>
        <source>OM&apos;s &amp;reason:</source>
        <translation>&amp;Rheswm yr OM:</translation>
    </message>
    <message>
        <source>&amp;Wording on the licence:</source>
        <translation>Geiriad &amp;ar y drwydded:</translation>
    </message>
    <message>
        <source>A refused or amended condition gives you a task to explain why to the victim.</source>
        <translation>Mae amod a wrthodwyd neu a ddiwygiwyd yn rhoi tasg i chi egluro pam i&apos;r dioddefwr.</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Erbyn</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Dioddefwr</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tasg</translation>
    </message>
    <message>
        <source>VLO</source>
        <translation>VLO</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>Detail</source>
        <translation>Manylyn</translation>
    </message>
    <message>
        <source>Same?</source>
        <translation>Yr un fath?</translation>
    </message>
    <message>
        <source>This referral</source>
        <translation>Yr atgyfeiriad hwn</translation>
    </message>
    <message>
        <source>On file</source>
        <translation>Ar ffeil</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>ddim yn hysbys</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Dyddiad geni</translation>
    </message>
    <message>
        <source>Contact is with</source>
        <translation>Cyswllt gyda</translation>
    </message>
    <message>
        <source>Parent/guardian</source>
        <translation>Rhiant/gwarcheidwad</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>Accessibility needs</source>
        <translation>Anghenion hygyrchedd</translation>
    </message>
    <message>
        <source>CRN</source>
        <translation>CRN</translation>
    </message>
    <message>
        <source>Prison number</source>
        <translation>Rhif carchar</translation>
    </message>
    <message>
        <source>Both blank</source>
        <translation>Y ddau&apos;n wag</translation>
    </message>
    <message>
        <source>One blank</source>
        <translation>Un yn wag</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Yr un fath</translation>
    </message>
    <message>
        <source>Differs</source>
        <translation>Gwahanol</translation>
    </message>
    <message>
        <source>{What}: {count} possible matches on file</source>
        <translation>{What}: {count} cyfatebiaeth bosibl ar ffeil</translation>
    </message>
    <message>
        <source>{What}: 1 possible match on file</source>
        <translation>{What}: 1 cyfatebiaeth bosibl ar ffeil</translation>
    </message>
    <message>
        <source>Compare with which {what} on file</source>
        <translation>Cymharu â pha {what} ar ffeil</translation>
    </message>
    <message>
        <source>Compare &amp;with:</source>
        <translation>Cymharu &amp;â:</translation>
    </message>
    <message>
        <source>Why the {what} matched</source>
        <translation>Pam yr oedd y {what} yn cyfateb</translation>
    </message>
    <message>
        <source>{What}: referral and record on file</source>
        <translation>{What}: atgyfeiriad a chofnod ar ffeil</translation>
    </message>
    <message>
        <source>{key}: add this referral to the {what} on file</source>
        <translation>{key}: ychwanegu&apos;r atgyfeiriad hwn at y {what} ar ffeil</translation>
    </message>
    <message>
        <source>Merge the {what}</source>
        <translation>Cyfuno&apos;r {what}</translation>
    </message>
    <message>
        <source>{key}: add a new {what}</source>
        <translation>{key}: ychwanegu {what} newydd</translation>
    </message>
    <message>
        <source>Keep the {what} separate</source>
        <translation>Cadw&apos;r {what} ar wahân</translation>
    </message>
    <message>
        <source>Why the {what} cannot be kept separate</source>
        <translation>Pam na ellir cadw&apos;r {what} ar wahân</translation>
    </message>
    <message>
        <source>Why: {reason}.</source>
        <translation>Pam: {reason}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Achosion</translation>
    </message>
    <message>
        <source>this referral</source>
        <translation>yr atgyfeiriad hwn</translation>
    </message>
    <message>
        <source>{reason}: this is the same person, so it cannot be kept separate. If the reference is wrong, cancel and correct it.</source>
        <translation>{reason}: yr un person yw hwn, felly ni ellir ei gadw ar wahân. Os yw&apos;r cyfeirnod yn anghywir, canslwch a&apos;i gywiro.</translation>
    </message>
    <message>
        <source>Choose to merge or keep separate for the {what}.</source>
        <translation>Dewiswch gyfuno neu gadw ar wahân ar gyfer y {what}.</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Dyblygiad posibl</translation>
    </message>
    <message>
        <source>&amp;Save referral</source>
        <translation>&amp;Cadw&apos;r atgyfeiriad</translation>
    </message>
    <message>
        <source>This referral may be about someone already on file. Compare each one and choose: merge (add the referral to the record on file; blanks on file are filled, nothing is overwritten) or keep separate (add a new record).</source>
        <translation>Efallai fod yr atgyfeiriad hwn am rywun sydd ar ffeil yn barod. Cymharwch bob un a dewis: cyfuno (ychwanegu&apos;r atgyfeiriad at y cofnod ar ffeil; caiff bylchau ar ffeil eu llenwi, ni chaiff dim ei drosysgrifo) neu gadw ar wahân (ychwanegu cofnod newydd).</translation>
    </message>
    <message>
        <source>victim</source>
        <translation>dioddefwr</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>C&amp;yfuno</translation>
    </message>
    <message>
        <source>&amp;Keep separate</source>
        <translation>Cadw ar &amp;wahân</translation>
    </message>
    <message>
        <source>offender</source>
        <translation>troseddwr</translation>
    </message>
    <message>
        <source>M&amp;erge</source>
        <translation>Cyf&amp;uno</translation>
    </message>
    <message>
        <source>Kee&amp;p separate</source>
        <translation>Cadw ar wa&amp;hân</translation>
    </message>
</context>
<context>
    <name>EligibilityOverrideDialog</name>
    <message>
        <source>Eligibility — {ref}</source>
        <translation>Cymhwysedd — {ref}</translation>
    </message>
    <message>
        <source>{label}: {eligibility_reason} (rules {rules_version})</source>
        <translation>{label}: {eligibility_reason} (rheolau {rules_version})</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>VCS Desk: something went wrong</source>
        <translation>VCS Desk: aeth rhywbeth o&apos;i le</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Gwall</translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation>Aeth rhywbeth o&apos;i le: {0}</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>What you saved before is kept; the last action may not have finished, so check it. The details are in the log:
{0}</source>
        <translation>Mae&apos;r hyn a gadwoch o&apos;r blaen wedi&apos;i gadw; efallai na orffennodd y weithred olaf, felly gwiriwch hi. Mae&apos;r manylion yn y log:
{0}</translation>
    </message>
    <message>
        <source>Where the details are</source>
        <translation>Ble mae&apos;r manylion</translation>
    </message>
    <message>
        <source>Errors since</source>
        <translation>Gwallau ers hynny</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copïo&apos;r manylion</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copïo&apos;r manylion</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Wedi&apos;i gopïo</translation>
    </message>
    <message>
        <source>{0} more error(s) since then, also in the log.</source>
        <translation>{0} gwall arall ers hynny, hefyd yn y log.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>victims who chose key stages</source>
        <translation>dioddefwyr a ddewisodd gamau allweddol</translation>
    </message>
    <message>
        <source>victims who chose key stages or release and licence updates</source>
        <translation>dioddefwyr a ddewisodd gamau allweddol neu ddiweddariadau rhyddhau a thrwydded</translation>
    </message>
    <message>
        <source>Record sentence event</source>
        <translation>Cofnodi digwyddiad dedfryd</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Digwyddiad:</translation>
    </message>
    <message>
        <source>Event &amp;date:</source>
        <translation>D&amp;yddiad y digwyddiad:</translation>
    </message>
    <message>
        <source>Date you were &amp;told:</source>
        <translation>Dyddiad y cawsoch &amp;wybod:</translation>
    </message>
    <message>
        <source>Date you were told</source>
        <translation>Dyddiad y cawsoch wybod</translation>
    </message>
    <message>
        <source>Detai&amp;ls:</source>
        <translation>&amp;Manylion:</translation>
    </message>
    <message>
        <source>Who gets a task</source>
        <translation>Pwy sy&apos;n cael tasg</translation>
    </message>
    <message>
        <source>Tasks are created for {who} (opted in, case open).</source>
        <translation>Caiff tasgau eu creu ar gyfer {who} (wedi optio i mewn, achos ar agor).</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>About this step</source>
        <translation>Am y cam hwn</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Enter {details}.</source>
        <translation>Rhowch {details}.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Nid yw&apos;r ddau gyfrinair yr un fath.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to VCS Desk</source>
        <translation>Croeso i VCS Desk</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up sent — {ref}</source>
        <translation>Neges ddilynol wedi&apos;i hanfon — {ref}</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Iawn</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Cannot save: {problem}</source>
        <translation>Methu cadw: {problem}</translation>
    </message>
    <message>
        <source>Edit victim</source>
        <translation>Golygu&apos;r dioddefwr</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Enw cyntaf:</translation>
    </message>
    <message>
        <source>&amp;Surname:</source>
        <translation>&amp;Cyfenw:</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Dyddiad geni:</translation>
    </message>
    <message>
        <source>&amp;Contact is with:</source>
        <translation>C&amp;yswllt gyda:</translation>
    </message>
    <message>
        <source>Parent/&amp;guardian (under 18):</source>
        <translation>Rhiant/&amp;gwarcheidwad (dan 18):</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Iaith:</translation>
    </message>
    <message>
        <source>&amp;Accessibility needs:</source>
        <translation>&amp;Anghenion hygyrchedd:</translation>
    </message>
    <message>
        <source>&amp;Phone first:</source>
        <translation>&amp;Ffonio yn gyntaf:</translation>
    </message>
    <message>
        <source>Phone before writing</source>
        <translation>Ffonio cyn ysgrifennu</translation>
    </message>
    <message>
        <source>Edit offender</source>
        <translation>Golygu&apos;r troseddwr</translation>
    </message>
    <message>
        <source>&amp;CRN:</source>
        <translation>C&amp;RN:</translation>
    </message>
    <message>
        <source>Case reference number</source>
        <translation>Rhif cyfeirnod yr achos</translation>
    </message>
    <message>
        <source>&amp;Prison number:</source>
        <translation>Rhif carchar:</translation>
    </message>
    <message>
        <source>&amp;Establishment (internal only):</source>
        <translation>&amp;Sefydliad (mewnol yn unig):</translation>
    </message>
    <message>
        <source>Prison or hospital, internal only</source>
        <translation>Carchar neu ysbyty, mewnol yn unig</translation>
    </message>
    <message>
        <source>Add liaison note</source>
        <translation>Ychwanegu nodyn cyswllt</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dyddiad:</translation>
    </message>
    <message>
        <source>D&amp;irection:</source>
        <translation>Cyfeiriad:</translation>
    </message>
    <message>
        <source>&amp;With:</source>
        <translation>&amp;Gyda:</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Sianel:</translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation>C&amp;rynodeb:</translation>
    </message>
    <message>
        <source>&amp;Follow up by:</source>
        <translation>Dilyn i &amp;fyny erbyn:</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Dilyn i fyny erbyn</translation>
    </message>
    <message>
        <source>About &amp;request:</source>
        <translation>Ynghylch &amp;cais:</translation>
    </message>
    <message>
        <source>No licence condition request</source>
        <translation>Dim cais am amod trwydded</translation>
    </message>
    <message>
        <source>Linked licence condition request</source>
        <translation>Cais cysylltiedig am amod trwydded</translation>
    </message>
    <message>
        <source>None (a wait on the OM uses the chase rule)</source>
        <translation>Dim (mae aros am yr OM yn dilyn y rheol atgoffa)</translation>
    </message>
    <message>
        <source>Waiting for their reply</source>
        <translation>Yn aros am eu hateb</translation>
    </message>
    <message>
        <source>This answers what we are waiting for from them</source>
        <translation>Mae hyn yn ateb yr hyn rydym yn aros amdano ganddynt</translation>
    </message>
    <message>
        <source>This is their reply</source>
        <translation>Dyma eu hateb</translation>
    </message>
    <message>
        <source>Mark task done</source>
        <translation>Marcio&apos;r dasg yn gyflawn</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Tasg:</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tasg</translation>
    </message>
    <message>
        <source>&amp;Outcome (optional):</source>
        <translation>&amp;Canlyniad (dewisol):</translation>
    </message>
    <message>
        <source>Outcome, one line, optional</source>
        <translation>Canlyniad, un llinell, dewisol</translation>
    </message>
    <message>
        <source>e.g. Phoned the victim; letter not needed</source>
        <translation>e.e. Wedi ffonio&apos;r dioddefwr; dim angen llythyr</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Caseload</source>
        <translation>Llwyth achosion</translation>
    </message>
    <message>
        <source>Dashboard: due and overdue</source>
        <translation>Dangosfwrdd: i&apos;w wneud a dros amser</translation>
    </message>
    <message>
        <source>A case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Llythyrau</translation>
    </message>
    <message>
        <source>Waiting on the offender manager</source>
        <translation>Aros am y rheolwr troseddwyr</translation>
    </message>
    <message>
        <source>OM directory</source>
        <translation>Cyfeiriadur rheolwyr troseddwyr</translation>
    </message>
    <message>
        <source>Condition statistics</source>
        <translation>Ystadegau amodau</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Adroddiadau</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Log archwilio</translation>
    </message>
    <message>
        <source>Retention review</source>
        <translation>Adolygiad cadw</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Gosodiadau</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Llwybrau byr bysellfwrdd</translation>
    </message>
    <message>
        <source>No help has been written for this view yet.</source>
        <translation>Nid oes cymorth wedi&apos;i ysgrifennu ar gyfer y wedd hon eto.</translation>
    </message>
    <message>
        <source>VCS Desk help</source>
        <translation>Cymorth VCS Desk</translation>
    </message>
    <message>
        <source>Help topic</source>
        <translation>Pwnc cymorth</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Pwnc:</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>Testun cymorth</translation>
    </message>
    <message>
        <source>unknown (not installed)</source>
        <translation>anhysbys (heb ei osod)</translation>
    </message>
    <message>
        <source>VCS Desk %1: the Victim Contact Scheme caseload for victim liaison officers.</source>
        <translation>VCS Desk %1: llwyth achosion y Cynllun Cyswllt Dioddefwyr ar gyfer swyddogion cyswllt dioddefwyr.</translation>
    </message>
    <message>
        <source>Data file: %1</source>
        <translation>Ffeil ddata: %1</translation>
    </message>
    <message>
        <source>Backups: %1</source>
        <translation>Copïau wrth gefn: %1</translation>
    </message>
    <message>
        <source>About VCS Desk</source>
        <translation>Ynghylch VCS Desk</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Line</source>
        <translation>Llinell</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Dioddefwr</translation>
    </message>
    <message>
        <source>Offender</source>
        <translation>Troseddwr</translation>
    </message>
    <message>
        <source>Offence</source>
        <translation>Trosedd</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Manylion</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Yn barod</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>PROBLEM</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Dyblygiad posibl</translation>
    </message>
    <message>
        <source>Stop: let me compare each row</source>
        <translation>Stopio: gadewch i mi gymharu pob rhes</translation>
    </message>
    <message>
        <source>Merge with the one matching record on file</source>
        <translation>Cyfuno â&apos;r un cofnod cyfatebol ar ffeil</translation>
    </message>
    <message>
        <source>Keep separate: add new records</source>
        <translation>Cadw ar wahân: ychwanegu cofnodion newydd</translation>
    </message>
    <message>
        <source>keep victim separate</source>
        <translation>cadw&apos;r dioddefwr ar wahân</translation>
    </message>
    <message>
        <source>merge victim</source>
        <translation>cyfuno&apos;r dioddefwr</translation>
    </message>
    <message>
        <source>keep offender separate</source>
        <translation>cadw&apos;r troseddwr ar wahân</translation>
    </message>
    <message>
        <source>merge offender</source>
        <translation>cyfuno&apos;r troseddwr</translation>
    </message>
    <message>
        <source>Your choice: {choices}</source>
        <translation>Eich dewis: {choices}</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Penderfynwyd</translation>
    </message>
    <message>
        <source>Import referrals</source>
        <translation>Mewnforio atgyfeiriadau</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Dim ffeil wedi&apos;i dewis.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Ffeil</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Dewis ffeil…</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>Dewis ffeil CSV</translation>
    </message>
    <message>
        <source>When a row matches someone on file</source>
        <translation>Pan fydd rhes yn cyfateb i rywun ar ffeil</translation>
    </message>
    <message>
        <source>When a row matches someone on &amp;file:</source>
        <translation>Pan fydd rhes yn cyfateb i rywun ar &amp;ffeil:</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>Canlyniad y gwiriad</translation>
    </message>
    <message>
        <source>&amp;Show only rows that need attention</source>
        <translation>Dangos dim &amp;ond rhesi sydd angen sylw</translation>
    </message>
    <message>
        <source>Rows of the file</source>
        <translation>Rhesi&apos;r ffeil</translation>
    </message>
    <message>
        <source>Co&amp;mpare…</source>
        <translation>&amp;Cymharu…</translation>
    </message>
    <message>
        <source>Compare the selected row with the records on file</source>
        <translation>Cymharu&apos;r rhes a ddewiswyd â&apos;r cofnodion ar ffeil</translation>
    </message>
    <message>
        <source>&amp;Import all</source>
        <translation>&amp;Mewnforio&apos;r cyfan</translation>
    </message>
    <message>
        <source>Import all rows</source>
        <translation>Mewnforio pob rhes</translation>
    </message>
    <message>
        <source>Import only the &amp;good rows</source>
        <translation>Mewnforio dim ond &amp;y rhesi da</translation>
    </message>
    <message>
        <source>Import only the good rows</source>
        <translation>Mewnforio dim ond y rhesi da</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Choose a referral file</source>
        <translation>Dewis ffeil atgyfeirio</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Ffeiliau CSV (*.csv);;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Checking the file</source>
        <translation>Gwirio&apos;r ffeil</translation>
    </message>
    <message>
        <source>Importing referrals</source>
        <translation>Mewnforio atgyfeiriadau</translation>
    </message>
    <message>
        <source>; {count} skipped (lines listed below)</source>
        <translation>; {count} wedi&apos;u hepgor (llinellau wedi&apos;u rhestru isod)</translation>
    </message>
    <message>
        <source>Imported {count} referrals from {file} in {seconds} s</source>
        <translation>Mewnforiwyd {count} atgyfeiriad o {file} mewn {seconds} e</translation>
    </message>
    <message>
        <source> For a possible duplicate, select it and press Compare (or Enter) to choose.</source>
        <translation> Ar gyfer dyblygiad posibl, dewiswch ef a phwyso Cymharu (neu Enter) i ddewis.</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Gwiriwyd</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>Dim wedi&apos;i fewnforio</translation>
    </message>
    <message>
        <source>: {rows} rows, {problems} need attention (listed below). Nothing is imported while any row has a problem, unless you choose to import only the good rows.</source>
        <translation>: {rows} rhes, {problems} angen sylw (wedi&apos;u rhestru isod). Ni chaiff dim ei fewnforio tra bo problem gydag unrhyw res, oni bai eich bod yn dewis mewnforio dim ond y rhesi da.</translation>
    </message>
    <message>
        <source> Only the first {listed} are listed: correct the file and check it again.</source>
        <translation> Dim ond y {listed} cyntaf a restrir: cywirwch y ffeil a&apos;i gwirio eto.</translation>
    </message>
    <message>
        <source>Checked: all {rows} rows are ready ({encoding}). Nothing has been imported yet.</source>
        <translation>Gwiriwyd: mae pob un o&apos;r {rows} rhes yn barod ({encoding}). Does dim wedi&apos;i fewnforio eto.</translation>
    </message>
    <message>
        <source>{count} rows</source>
        <translation>{count} rhes</translation>
    </message>
    <message>
        <source>Import only the &amp;good rows ({count})</source>
        <translation>Mewnforio dim ond &amp;y rhesi da ({count})</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <source>Standard determinate (SDS)</source>
        <translation>Penodol safonol (SDS)</translation>
    </message>
    <message>
        <source>Extended determinate (EDS)</source>
        <translation>Penodol estynedig (EDS)</translation>
    </message>
    <message>
        <source>Offender of particular concern (SOPC)</source>
        <translation>Troseddwr sy&apos;n peri pryder arbennig (SOPC)</translation>
    </message>
    <message>
        <source>Life</source>
        <translation>Oes</translation>
    </message>
    <message>
        <source>Imprisonment for public protection (IPP)</source>
        <translation>Carchar er mwyn diogelu&apos;r cyhoedd (IPP)</translation>
    </message>
    <message>
        <source>Detention and training order (DTO)</source>
        <translation>Gorchymyn cadw a hyfforddi (DTO)</translation>
    </message>
    <message>
        <source>Suspended sentence (SSO)</source>
        <translation>Dedfryd ohiriedig (SSO)</translation>
    </message>
    <message>
        <source>Hospital order (no restrictions)</source>
        <translation>Gorchymyn ysbyty (heb gyfyngiadau)</translation>
    </message>
    <message>
        <source>Hospital order with restrictions</source>
        <translation>Gorchymyn ysbyty gyda chyfyngiadau</translation>
    </message>
    <message>
        <source>Hospital and limitation direction</source>
        <translation>Cyfarwyddyd ysbyty a chyfyngu</translation>
    </message>
    <message>
        <source>Transfer direction (with restrictions)</source>
        <translation>Cyfarwyddyd trosglwyddo (gyda chyfyngiadau)</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>llythyr</translation>
    </message>
    <message>
        <source>phone call</source>
        <translation>galwad ffôn</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-bost</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>ymweliad</translation>
    </message>
    <message>
        <source>reply slip</source>
        <translation>slip ateb</translation>
    </message>
    <message>
        <source>via the referrer</source>
        <translation>drwy&apos;r atgyfeiriwr</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Ddim yn hysbys</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mis</translation>
    </message>
    <message>
        <source>Eligibility:</source>
        <translation>Cymhwysedd:</translation>
    </message>
    <message>
        <source>Eligibility by the rules</source>
        <translation>Cymhwysedd yn ôl y rheolau</translation>
    </message>
    <message>
        <source>Offe&amp;nce:</source>
        <translation>Trosedd:</translation>
    </message>
    <message>
        <source>Offence t&amp;ype:</source>
        <translation>&amp;Math o drosedd:</translation>
    </message>
    <message>
        <source>Sentence d&amp;ate:</source>
        <translation>Dyddiad y &amp;ddedfryd:</translation>
    </message>
    <message>
        <source>Sentence or &amp;disposal:</source>
        <translation>Dedfryd neu &amp;warediad:</translation>
    </message>
    <message>
        <source>Custody length in months</source>
        <translation>Hyd y cyfnod yn y ddalfa mewn misoedd</translation>
    </message>
    <message>
        <source>Manager agreed:</source>
        <translation>Cytunodd y rheolwr:</translation>
    </message>
    <message>
        <source>Victim at serious risk (discretionary)</source>
        <translation>Dioddefwr mewn perygl difrifol (yn ôl disgresiwn)</translation>
    </message>
    <message>
        <source>Manager agreed the victim is at serious risk</source>
        <translation>Cytunodd y rheolwr fod y dioddefwr mewn perygl difrifol</translation>
    </message>
    <message>
        <source>&amp;Referral received:</source>
        <translation>&amp;Atgyfeiriad wedi&apos;i dderbyn:</translation>
    </message>
    <message>
        <source>Witness Care Unit</source>
        <translation>Uned Gofal Tystion</translation>
    </message>
    <message>
        <source>&amp;VLO:</source>
        <translation>&amp;VLO:</translation>
    </message>
    <message>
        <source>OM name</source>
        <translation>Enw&apos;r OM</translation>
    </message>
    <message>
        <source>OM &amp;team:</source>
        <translation>&amp;Tîm yr OM:</translation>
    </message>
    <message>
        <source>New referral</source>
        <translation>Atgyfeiriad newydd</translation>
    </message>
    <message>
        <source>&amp;Save referral</source>
        <translation>&amp;Cadw&apos;r atgyfeiriad</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Atgyfeiriad</translation>
    </message>
    <message>
        <source>Offence and sentence</source>
        <translation>Trosedd a dedfryd</translation>
    </message>
    <message>
        <source>Victim (or who acts for them)</source>
        <translation>Dioddefwr (neu bwy sy&apos;n gweithredu ar ei ran)</translation>
    </message>
    <message>
        <source>Victim &amp;first name:</source>
        <translation>&amp;Enw cyntaf y dioddefwr:</translation>
    </message>
    <message>
        <source>Date of b&amp;irth:</source>
        <translation>Dyddiad ge&amp;ni:</translation>
    </message>
    <message>
        <source>Under 18</source>
        <translation>Dan 18</translation>
    </message>
    <message>
        <source>Contact is &amp;with:</source>
        <translation>Cysw&amp;llt gyda:</translation>
    </message>
    <message>
        <source>Accessibility needs:</source>
        <translation>Anghenion hygyrchedd:</translation>
    </message>
    <message>
        <source>Addr&amp;ess:</source>
        <translation>Cyfeiriad:</translation>
    </message>
    <message>
        <source>Preferred channel:</source>
        <translation>Sianel a ffefrir:</translation>
    </message>
    <message>
        <source>Offender surname:</source>
        <translation>Cyfenw&apos;r troseddwr:</translation>
    </message>
    <message>
        <source>Prison num&amp;ber:</source>
        <translation>&amp;Rhif carchar:</translation>
    </message>
    <message>
        <source>Acts &amp;for:</source>
        <translation>Yn gweithred&amp;u ar ran:</translation>
    </message>
    <message>
        <source>Acts for (person harmed)</source>
        <translation>Yn gweithredu ar ran (y person a niweidiwyd)</translation>
    </message>
    <message>
        <source>Relations&amp;hip:</source>
        <translation>&amp;Perthynas:</translation>
    </message>
    <message>
        <source>Parent/&amp;guardian:</source>
        <translation>Rhiant/gwarcheidwad:</translation>
    </message>
    <message>
        <source>Custody:</source>
        <translation>Yn y ddalfa:</translation>
    </message>
    <message>
        <source>Referred by:</source>
        <translation>Atgyfeiriwyd gan:</translation>
    </message>
    <message>
        <source>Offender manager:</source>
        <translation>Rheolwr troseddwyr:</translation>
    </message>
    <message>
        <source>Victim s&amp;urname:</source>
        <translation>C&amp;yfenw&apos;r dioddefwr:</translation>
    </message>
    <message>
        <source>Acts for:</source>
        <translation>Yn gweithredu ar ran:</translation>
    </message>
    <message>
        <source>Relationship:</source>
        <translation>Perthynas:</translation>
    </message>
    <message>
        <source>Parent or guardian</source>
        <translation>Rhiant neu warcheidwad</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Iaith:</translation>
    </message>
    <message>
        <source>Phone first:</source>
        <translation>Ffonio yn gyntaf:</translation>
    </message>
    <message>
        <source>Telephone before writing</source>
        <translation>Ffonio cyn ysgrifennu</translation>
    </message>
    <message>
        <source>Phone first</source>
        <translation>Ffonio yn gyntaf</translation>
    </message>
    <message>
        <source>Contact details and safety</source>
        <translation>Manylion cyswllt a diogelwch</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>Address safe:</source>
        <translation>Cyfeiriad yn ddiogel:</translation>
    </message>
    <message>
        <source>Safe to use</source>
        <translation>Diogel i&apos;w ddefnyddio</translation>
    </message>
    <message>
        <source>Address safe to use</source>
        <translation>Cyfeiriad yn ddiogel i&apos;w ddefnyddio</translation>
    </message>
    <message>
        <source>Do not post:</source>
        <translation>Peidiwch â phostio:</translation>
    </message>
    <message>
        <source>Never post to this address</source>
        <translation>Peidiwch byth â phostio i&apos;r cyfeiriad hwn</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Ffôn:</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>E-&amp;bost:</translation>
    </message>
    <message>
        <source>Offender</source>
        <translation>Troseddwr</translation>
    </message>
    <message>
        <source>&amp;Offender first name:</source>
        <translation>Enw cyntaf y troseddwr:</translation>
    </message>
    <message>
        <source>Offender date of birt&amp;h:</source>
        <translation>Dyddiad geni&apos;r troseddwr:</translation>
    </message>
    <message>
        <source>Offender &amp;CRN:</source>
        <translation>CRN y troseddwr:</translation>
    </message>
    <message>
        <source>Offender CRN</source>
        <translation>CRN y troseddwr</translation>
    </message>
    <message>
        <source>Offender prison number</source>
        <translation>Rhif carchar y troseddwr</translation>
    </message>
    <message>
        <source>Offender on file</source>
        <translation>Troseddwr ar ffeil</translation>
    </message>
    <message>
        <source>Under 18: contact goes through the parent or guardian. A task to offer contact directly is set for the 18th birthday, {birthday}.</source>
        <translation>Dan 18: mae cyswllt yn mynd drwy&apos;r rhiant neu&apos;r gwarcheidwad. Mae tasg i gynnig cyswllt uniongyrchol wedi&apos;i gosod ar gyfer y pen-blwydd yn 18 oed, {birthday}.</translation>
    </message>
    <message>
        <source>New referral: another victim of {name}</source>
        <translation>Atgyfeiriad newydd: dioddefwr arall {name}</translation>
    </message>
    <message>
        <source>The offender on file{case}: the new case joins them. Correct their details with Edit offender (Ctrl+Shift+E) on a case.</source>
        <translation>Y troseddwr ar ffeil{case}: mae&apos;r achos newydd yn ymuno â nhw. Cywirwch eu manylion gyda Golygu&apos;r troseddwr (Ctrl+Shift+E) ar achos.</translation>
    </message>
    <message>
        <source> in {ref}</source>
        <translation> yn {ref}</translation>
    </message>
    <message>
        <source>Eligibility was overridden by a manager: it stays as decided.</source>
        <translation>Cafodd y cymhwysedd ei ddiystyru gan reolwr: mae&apos;n aros fel y penderfynwyd.</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Nawr:</translation>
    </message>
    <message>
        <source>Current opt-in state</source>
        <translation>Cyflwr optio i mewn presennol</translation>
    </message>
    <message>
        <source>&amp;Change to:</source>
        <translation>&amp;Newid i:</translation>
    </message>
    <message>
        <source>Choose the change…</source>
        <translation>Dewis y newid…</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dyddiad:</translation>
    </message>
    <message>
        <source>&amp;How it came:</source>
        <translation>&amp;Sut y daeth:</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Ffynhonnell</translation>
    </message>
    <message>
        <source>Contact &amp;level:</source>
        <translation>&amp;Lefel cyswllt:</translation>
    </message>
    <message>
        <source>Choose what the opt-in state changes to.</source>
        <translation>Dewiswch beth mae&apos;r cyflwr optio i mewn yn newid iddo.</translation>
    </message>
    <message>
        <source>Record that the victim has {state}? They will get no more updates and every open opt-in task on this case is closed.</source>
        <translation>Cofnodi bod y dioddefwr wedi {state}? Ni fyddant yn cael rhagor o ddiweddariadau a chaiff pob tasg optio i mewn agored ar yr achos hwn ei chau.</translation>
    </message>
    <message>
        <source>Confirm opt-out</source>
        <translation>Cadarnhau optio allan</translation>
    </message>
    <message>
        <source>&amp;Date sent:</source>
        <translation>&amp;Dyddiad anfon:</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>&amp;Gan:</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Sianel</translation>
    </message>
    <message>
        <source>Current eligibility</source>
        <translation>Cymhwysedd presennol</translation>
    </message>
    <message>
        <source>Let the rules decide (remove an override)</source>
        <translation>Gadael i&apos;r rheolau benderfynu (dileu penderfyniad rheolwr)</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>P&amp;enderfyniad:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Rheswm:</translation>
    </message>
    <message>
        <source>&amp;Manager:</source>
        <translation>R&amp;heolwr:</translation>
    </message>
    <message>
        <source>An eligibility override needs a reason.</source>
        <translation>Mae angen rheswm dros ddiystyru cymhwysedd.</translation>
    </message>
</context>
<context>
    <name>KeptFile</name>
    <message>
        <source>Not encrypted</source>
        <translation>Heb ei amgryptio</translation>
    </message>
    <message>
        <source>Save it anyway?</source>
        <translation>Ei gadw beth bynnag?</translation>
    </message>
    <message>
        <source>VCS Desk</source>
        <translation>VCS Desk</translation>
    </message>
    <message>
        <source>Kept file</source>
        <translation>Ffeil a gadwyd</translation>
    </message>
    <message>
        <source>Kept encrypted with the caseload; shown here without writing a readable copy.</source>
        <translation>Wedi&apos;i chadw wedi&apos;i hamgryptio gyda&apos;r llwyth achosion; wedi&apos;i dangos yma heb ysgrifennu copi darllenadwy.</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Cadw copi…</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Cadw copi</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Cadw copi fel</translation>
    </message>
</context>
<context>
    <name>KeptFileDialog</name>
    <message>
        <source>The copy could not be saved: {strerror}.</source>
        <translation>Methu cadw&apos;r copi: {strerror}.</translation>
    </message>
</context>
<context>
    <name>KeyDateDialog</name>
    <message>
        <source>Add official key date</source>
        <translation>Ychwanegu dyddiad allweddol swyddogol</translation>
    </message>
    <message>
        <source>&amp;Key date:</source>
        <translation>Dyddiad &amp;allweddol:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dyddiad:</translation>
    </message>
    <message>
        <source>&amp;Received on:</source>
        <translation>D&amp;erbyniwyd ar:</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>Dyddiad derbyn</translation>
    </message>
    <message>
        <source>&amp;Where from:</source>
        <translation>&amp;O ble:</translation>
    </message>
    <message>
        <source>Where the date came from</source>
        <translation>O ble daeth y dyddiad</translation>
    </message>
    <message>
        <source>e.g. Prison OMU email, PPCS letter, NOMIS calculation</source>
        <translation>e.e. e-bost OMU y carchar, llythyr PPCS, cyfrifiad NOMIS</translation>
    </message>
    <message>
        <source>Current official date</source>
        <translation>Dyddiad swyddogol presennol</translation>
    </message>
    <message>
        <source>No official {kind} is recorded yet.</source>
        <translation>Does dim {kind} swyddogol wedi&apos;i gofnodi eto.</translation>
    </message>
    <message>
        <source>Current official {kind}: {date} (from {origin}). Saving a new date replaces it; the history keeps both, and each victim who asked for this kind of update gets a task.</source>
        <translation>{kind} swyddogol presennol: {date} (o {origin}). Mae cadw dyddiad newydd yn cymryd ei le; mae&apos;r hanes yn cadw&apos;r ddau, a chaiff tasg ei chreu ar gyfer pob dioddefwr a ofynnodd am y math hwn o ddiweddariad.</translation>
    </message>
    <message>
        <source>Current official {kind}: {date}. Saving a new date replaces it; the history keeps both, and each victim who asked for this kind of update gets a task.</source>
        <translation>{kind} swyddogol presennol: {date}. Mae cadw dyddiad newydd yn cymryd ei le; mae&apos;r hanes yn cadw&apos;r ddau, a chaiff tasg ei chreu ar gyfer pob dioddefwr a ofynnodd am y math hwn o ddiweddariad.</translation>
    </message>
    <message>
        <source>Say where the official date came from (e.g. Prison OMU email, PPCS letter).</source>
        <translation>Dywedwch o ble daeth y dyddiad swyddogol (e.e. e-bost OMU y carchar, llythyr PPCS).</translation>
    </message>
    <message>
        <source>Select or open a case first.</source>
        <translation>Dewiswch neu agorwch achos yn gyntaf.</translation>
    </message>
    <message>
        <source>Saved the official {kind} {date}. Ctrl+Z undoes it.</source>
        <translation>Wedi cadw&apos;r {kind} swyddogol {date}. Mae Ctrl+Z yn ei ddadwneud.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>en</source>
        <translation>cy</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>Offen&amp;ce (as the letter says it):</source>
        <translation>&amp;Trosedd (fel y mae&apos;r llythyr yn ei dweud):</translation>
    </message>
    <message>
        <source>&amp;Sentence in plain words:</source>
        <translation>&amp;Dedfryd mewn geiriau syml:</translation>
    </message>
    <message>
        <source>&amp;Decision in plain words:</source>
        <translation>&amp;Penderfyniad mewn geiriau syml:</translation>
    </message>
    <message>
        <source>Licence c&amp;onditions (one per line):</source>
        <translation>&amp;Amodau trwydded (un ar bob llinell):</translation>
    </message>
    <message>
        <source>Reason for &amp;refusal:</source>
        <translation>&amp;Rheswm dros wrthod:</translation>
    </message>
    <message>
        <source>&amp;Hospital update:</source>
        <translation>&amp;Diweddariad gan yr ysbyty:</translation>
    </message>
    <message>
        <source>Reply &amp;by:</source>
        <translation>Ateb &amp;erbyn:</translation>
    </message>
    <message>
        <source>&amp;Earlier letter dated:</source>
        <translation>&amp;Llythyr cynharach dyddiedig:</translation>
    </message>
    <message>
        <source>Personal &amp;note (optional):</source>
        <translation>&amp;Nodyn personol (dewisol):</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>Drafftiwyd</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Cymeradwywyd</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Argraffwyd</translation>
    </message>
    <message>
        <source>PDF saved</source>
        <translation>PDF wedi&apos;i gadw</translation>
    </message>
    <message>
        <source>Printed again</source>
        <translation>Argraffwyd eto</translation>
    </message>
    <message>
        <source>Returned undelivered</source>
        <translation>Dychwelwyd heb ei ddosbarthu</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Tynnwyd yn ôl</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Heb ei argraffu</translation>
    </message>
    <message>
        <source>{step} {date} by {who}</source>
        <translation>{step} {date} gan {who}</translation>
    </message>
    <message>
        <source> - waiting for the printer {printer}: not counted as sent yet</source>
        <translation> - yn aros am yr argraffydd {printer}: heb ei gyfrif fel wedi&apos;i anfon eto</translation>
    </message>
    <message>
        <source> - not printed yet</source>
        <translation> - heb ei argraffu eto</translation>
    </message>
    <message>
        <source>on {printer}</source>
        <translation>ar {printer}</translation>
    </message>
    <message>
        <source> (job {job})</source>
        <translation> (tasg argraffu {job})</translation>
    </message>
    <message>
        <source>, pages {pages}</source>
        <translation>, tudalennau {pages}</translation>
    </message>
    <message>
        <source>: the job was {state}</source>
        <translation>: roedd y dasg argraffu {state}</translation>
    </message>
    <message>
        <source>Write letter</source>
        <translation>Ysgrifennu llythyr</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Llythyr</translation>
    </message>
    <message>
        <source>&amp;Letter:</source>
        <translation>Llythyr:</translation>
    </message>
    <message>
        <source>Goes to:</source>
        <translation>Yn mynd at:</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Derbynnydd</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Iaith:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>Letter &amp;date:</source>
        <translation>Dyddiad &amp;y llythyr:</translation>
    </message>
    <message>
        <source>Letter check</source>
        <translation>Gwiriad y llythyr</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>&amp;Rhagolwg…</translation>
    </message>
    <message>
        <source>Save dr&amp;aft</source>
        <translation>Cadw&apos;r &amp;drafft</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>&amp;Cymeradwyo</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Argraff&amp;u…</translation>
    </message>
    <message>
        <source>Save PD&amp;F…</source>
        <translation>Cadw &amp;PDF…</translation>
    </message>
    <message>
        <source>P&amp;hone task instead</source>
        <translation>Tasg &amp;ffonio yn lle hynny</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>{letter}  (for the open task due {date})</source>
        <translation>{letter}  (ar gyfer y dasg agored erbyn {date})</translation>
    </message>
    <message>
        <source>{letter}  (does not fit: {why})</source>
        <translation>{letter}  (nid yw&apos;n addas: {why})</translation>
    </message>
    <message>
        <source>No postal address on file</source>
        <translation>Does dim cyfeiriad post ar ffeil</translation>
    </message>
    <message>
        <source>Ready to approve. Checked against the case: the address is safe and current, and the letter gives no prison or hospital name, exact release date, offender address or other victim&apos;s details.</source>
        <translation>Yn barod i&apos;w gymeradwyo. Wedi&apos;i wirio yn erbyn yr achos: mae&apos;r cyfeiriad yn ddiogel ac yn gyfredol, ac nid yw&apos;r llythyr yn rhoi enw carchar nac ysbyty, union ddyddiad rhyddhau, cyfeiriad y troseddwr na manylion dioddefwr arall.</translation>
    </message>
    <message>
        <source>Cannot be approved:</source>
        <translation>Methu ei gymeradwyo:</translation>
    </message>
    <message>
        <source>Note: {warning}</source>
        <translation>Nodyn: {warning}</translation>
    </message>
    <message>
        <source>P&amp;rint again…</source>
        <translation>&amp;Argraffu eto…</translation>
    </message>
    <message>
        <source>{step} {time} UTC by {who}</source>
        <translation>{step} {time} UTC gan {who}</translation>
    </message>
    <message>
        <source>Wording version {version}</source>
        <translation>Fersiwn y geiriad {version}</translation>
    </message>
    <message>
        <source>This letter cannot be printed: {reasons}</source>
        <translation>Ni ellir argraffu&apos;r llythyr hwn: {reasons}</translation>
    </message>
    <message>
        <source>Approve the letter before printing it.</source>
        <translation>Cymeradwywch y llythyr cyn ei argraffu.</translation>
    </message>
    <message>
        <source>Preview - {letter}</source>
        <translation>Rhagolwg - {letter}</translation>
    </message>
    <message>
        <source>Letter preview</source>
        <translation>Rhagolwg o&apos;r llythyr</translation>
    </message>
    <message>
        <source>Save letter as PDF</source>
        <translation>Cadw&apos;r llythyr fel PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Ffeiliau PDF (*.pdf)</translation>
    </message>
    <message>
        <source> It counts as sent when the printer has finished it.</source>
        <translation> Caiff ei gyfrif fel wedi&apos;i anfon pan fydd yr argraffydd wedi&apos;i orffen.</translation>
    </message>
    <message>
        <source>A PDF is kept at {path}.</source>
        <translation>Mae PDF wedi&apos;i gadw yn {path}.</translation>
    </message>
    <message>
        <source>Saved {path}. A PDF is also kept at {kept}.</source>
        <translation>Wedi cadw {path}. Mae PDF hefyd wedi&apos;i gadw yn {kept}.</translation>
    </message>
    <message>
        <source>A task to phone the victim instead was added to the case. No letter is sent.</source>
        <translation>Ychwanegwyd tasg at yr achos i ffonio&apos;r dioddefwr yn lle hynny. Nid oes llythyr yn cael ei anfon.</translation>
    </message>
    <message>
        <source>Letter returned undelivered</source>
        <translation>Llythyr wedi&apos;i ddychwelyd heb ei ddosbarthu</translation>
    </message>
    <message>
        <source>&amp;Returned on:</source>
        <translation>&amp;Dychwelwyd ar:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nodyn:</translation>
    </message>
    <message>
        <source>e.g. &apos;Addressee gone away&apos; written on the envelope</source>
        <translation>e.e. &apos;Addressee gone away&apos; wedi&apos;i ysgrifennu ar yr amlen</translation>
    </message>
    <message>
        <source>The address will be marked unsafe until it is checked, and a task to check it will be added.</source>
        <translation>Bydd y cyfeiriad yn cael ei farcio&apos;n anniogel nes iddo gael ei wirio, a bydd tasg i&apos;w wirio yn cael ei hychwanegu.</translation>
    </message>
    <message>
        <source>Withdraw letter</source>
        <translation>Tynnu&apos;r llythyr yn ôl</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Pam:</translation>
    </message>
    <message>
        <source>Say why the letter is withdrawn.</source>
        <translation>Dywedwch pam mae&apos;r llythyr yn cael ei dynnu&apos;n ôl.</translation>
    </message>
    <message>
        <source>No program could open {path}.</source>
        <translation>Doedd dim rhaglen yn gallu agor {path}.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>VCS Desk — locked</source>
        <translation>VCS Desk — wedi&apos;i gloi</translation>
    </message>
    <message>
        <source>VCS Desk is locked</source>
        <translation>Mae VCS Desk wedi&apos;i gloi</translation>
    </message>
    <message>
        <source>&lt;h2&gt;VCS Desk is locked&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Mae VCS Desk wedi&apos;i gloi&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Signed in as &lt;b&gt;{name}&lt;/b&gt;. Case details are hidden until you enter your password.&lt;br&gt;To sign in as someone else, quit and start VCS Desk again.</source>
        <translation>Wedi mewngofnodi fel &lt;b&gt;{name}&lt;/b&gt;. Mae manylion achosion wedi&apos;u cuddio nes i chi roi eich cyfrinair.&lt;br&gt;I fewngofnodi fel rhywun arall, gadewch a dechrau VCS Desk eto.</translation>
    </message>
    <message>
        <source>Who is signed in</source>
        <translation>Pwy sydd wedi mewngofnodi</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Cyfrinair</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Eich cyfrinair</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Cyfrinair:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Datgloi</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Datgloi</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Gadael</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Wedi&apos;i gloi</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>VCS Desk — DEMO (synthetic cases, not a real caseload) — %1</source>
        <translation>VCS Desk — DEMO (achosion synthetig, nid llwyth achosion go iawn) — %1</translation>
    </message>
    <message>
        <source>Open views</source>
        <translation>Gweddau agored</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Llwyth achosion</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dangosfwrdd</translation>
    </message>
    <message>
        <source>Dashboard (%1 overdue)</source>
        <translation>Dangosfwrdd (%1 dros amser)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <source>&amp;New referral…</source>
        <translation>&amp;Atgyfeiriad newydd…</translation>
    </message>
    <message>
        <source>&amp;Import referrals…</source>
        <translation>&amp;Mewnforio atgyfeiriadau…</translation>
    </message>
    <message>
        <source>Import &amp;date changes…</source>
        <translation>Mewnforio newidiadau i &amp;ddyddiadau…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Cloi nawr</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Golygu</translation>
    </message>
    <message>
        <source>&amp;Find case</source>
        <translation>&amp;Canfod achos</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Achos</translation>
    </message>
    <message>
        <source>&amp;Open selected case</source>
        <translation>&amp;Agor yr achos a ddewiswyd</translation>
    </message>
    <message>
        <source>Edit &amp;victim…</source>
        <translation>Golygu&apos;r &amp;dioddefwr…</translation>
    </message>
    <message>
        <source>Edit &amp;offender…</source>
        <translation>Golygu&apos;r &amp;troseddwr…</translation>
    </message>
    <message>
        <source>Add &amp;liaison note…</source>
        <translation>Ychwanegu &amp;nodyn cyswllt…</translation>
    </message>
    <message>
        <source>Add another vict&amp;im of this offender…</source>
        <translation>Ychwanegu dioddefwr arall i&apos;r troseddwr h&amp;wn…</translation>
    </message>
    <message>
        <source>Request licence co&amp;ndition…</source>
        <translation>Gwneud cais am a&amp;mod trwydded…</translation>
    </message>
    <message>
        <source>Record &amp;sentence…</source>
        <translation>Cofnodi d&amp;edfryd…</translation>
    </message>
    <message>
        <source>Add official &amp;key date…</source>
        <translation>Ychwanegu dyddiad a&amp;llweddol swyddogol…</translation>
    </message>
    <message>
        <source>Record sentence e&amp;vent…</source>
        <translation>Cofnodi di&amp;gwyddiad dedfryd…</translation>
    </message>
    <message>
        <source>Write le&amp;tter…</source>
        <translation>&amp;Ysgrifennu llythyr…</translation>
    </message>
    <message>
        <source>&amp;Batch letters…</source>
        <translation>&amp;Swp o lythyrau…</translation>
    </message>
    <message>
        <source>&amp;Close case tab</source>
        <translation>&amp;Cau tab yr achos</translation>
    </message>
    <message>
        <source>&amp;Archive case</source>
        <translation>A&amp;rchifo&apos;r achos</translation>
    </message>
    <message>
        <source>E&amp;xport everything about the victim…</source>
        <translation>Allforio &amp;popeth am y dioddefwr…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>G&amp;weld</translation>
    </message>
    <message>
        <source>&amp;Caseload</source>
        <translation>&amp;Llwyth achosion</translation>
    </message>
    <message>
        <source>Das&amp;hboard</source>
        <translation>&amp;Dangosfwrdd</translation>
    </message>
    <message>
        <source>&amp;Waiting on OM</source>
        <translation>Yn &amp;aros am yr OM</translation>
    </message>
    <message>
        <source>OM &amp;directory</source>
        <translation>&amp;Cyfeiriadur OM</translation>
    </message>
    <message>
        <source>Condition &amp;statistics</source>
        <translation>&amp;Ystadegau amodau</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Offer</translation>
    </message>
    <message>
        <source>Audit &amp;log…</source>
        <translation>Log &amp;archwilio…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>Gwneud copi &amp;wrth gefn nawr…</translation>
    </message>
    <message>
        <source>Letter &amp;templates…</source>
        <translation>&amp;Templedi llythyrau…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Gosodiadau…</translation>
    </message>
    <message>
        <source>Rete&amp;ntion review…</source>
        <translation>Adolygiad &amp;cadw…</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>Adroddia&amp;dau</translation>
    </message>
    <message>
        <source>&amp;Management report…</source>
        <translation>Adroddiad &amp;rheoli…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Cymorth</translation>
    </message>
    <message>
        <source>&amp;Help for this view</source>
        <translation>&amp;Cymorth ar gyfer y wedd hon</translation>
    </message>
    <message>
        <source>&amp;About VCS Desk</source>
        <translation>&amp;Ynghylch VCS Desk</translation>
    </message>
    <message>
        <source>Database: {path}   ·   {open:,} open cases, {victims:,} victims   ·   showing {shown}   ·   signed in as {user}</source>
        <translation>Cronfa ddata: {path}   ·   {open:,} achos agored, {victims:,} dioddefwr   ·   yn dangos {shown}   ·   wedi mewngofnodi fel {user}</translation>
    </message>
    <message>
        <source>VCS Desk</source>
        <translation>VCS Desk</translation>
    </message>
    <message>
        <source>Case {ref} archived. Undo (Ctrl+Z) brings it back.</source>
        <translation>Achos {ref} wedi&apos;i archifo. Mae Dadwneud (Ctrl+Z) yn ei adfer.</translation>
    </message>
    <message>
        <source>Waiting on OM</source>
        <translation>Aros am yr OM</translation>
    </message>
    <message>
        <source>OM directory</source>
        <translation>Cyfeiriadur OM</translation>
    </message>
    <message>
        <source>Condition statistics</source>
        <translation>Ystadegau amodau</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Adroddiadau</translation>
    </message>
    <message>
        <source>Retention review</source>
        <translation>Adolygiad cadw</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Log archwilio</translation>
    </message>
    <message>
        <source>could not write {out}</source>
        <translation>methu ysgrifennu {out}</translation>
    </message>
</context>
<context>
    <name>OMDialog</name>
    <message>
        <source>Edit offender manager</source>
        <translation>Golygu rheolwr troseddwyr</translation>
    </message>
    <message>
        <source>Add offender manager</source>
        <translation>Ychwanegu rheolwr troseddwyr</translation>
    </message>
    <message>
        <source>Work contact routes only: never a personal email or phone.</source>
        <translation>Ffyrdd cyswllt gwaith yn unig: byth e-bost na ffôn personol.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Enw:</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>&amp;Tîm:</translation>
    </message>
    <message>
        <source>Work &amp;email:</source>
        <translation>E-&amp;bost gwaith:</translation>
    </message>
    <message>
        <source>Work &amp;phone:</source>
        <translation>&amp;Ffôn gwaith:</translation>
    </message>
</context>
<context>
    <name>OMDirectoryView</name>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Tîm</translation>
    </message>
    <message>
        <source>Work email</source>
        <translation>E-bost gwaith</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>Ffôn gwaith</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Achosion agored</translation>
    </message>
    <message>
        <source>Waiting on them</source>
        <translation>Yn aros amdanynt</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Cofnod</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Dioddefwr</translation>
    </message>
    <message>
        <source>Offender</source>
        <translation>Troseddwr</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Outstanding with the OM</source>
        <translation>Heb ei orffen gyda&apos;r OM</translation>
    </message>
    <message>
        <source>Next task due</source>
        <translation>Tasg nesaf erbyn</translation>
    </message>
    <message>
        <source>Offender managers</source>
        <translation>Rheolwyr troseddwyr</translation>
    </message>
    <message>
        <source>Cases of the selected offender manager</source>
        <translation>Achosion y rheolwr troseddwyr a ddewiswyd</translation>
    </message>
    <message>
        <source>Cases heading</source>
        <translation>Pennawd yr achosion</translation>
    </message>
    <message>
        <source>&amp;Add OM…</source>
        <translation>&amp;Ychwanegu OM…</translation>
    </message>
    <message>
        <source>Add an offender manager</source>
        <translation>Ychwanegu rheolwr troseddwyr</translation>
    </message>
    <message>
        <source>E&amp;dit OM…</source>
        <translation>Golygu&apos;&amp;r OM…</translation>
    </message>
    <message>
        <source>Edit the selected offender manager</source>
        <translation>Golygu&apos;r rheolwr troseddwyr a ddewiswyd</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>Agor acho&amp;s</translation>
    </message>
    <message>
        <source>Open the selected case</source>
        <translation>Agor yr achos a ddewiswyd</translation>
    </message>
    <message>
        <source>Work contact routes only. OMs named on cases but not yet in the directory are listed so their details can be added.</source>
        <translation>Ffyrdd cysylltu gwaith yn unig. Mae OMs a enwir ar achosion ond nad ydynt yn y cyfeiriadur eto wedi&apos;u rhestru fel y gellir ychwanegu eu manylion.</translation>
    </message>
    <message>
        <source>In directory</source>
        <translation>Yn y cyfeiriadur</translation>
    </message>
    <message>
        <source>Named on cases only</source>
        <translation>Wedi&apos;i enwi ar achosion yn unig</translation>
    </message>
    <message>
        <source>Cases of {name}: {count} ({open} open)</source>
        <translation>Achosion {name}: {count} ({open} ar agor)</translation>
    </message>
    <message>
        <source>No offender manager selected.</source>
        <translation>Dim rheolwr troseddwyr wedi&apos;i ddewis.</translation>
    </message>
    <message>
        <source>nothing outstanding</source>
        <translation>dim byd heb ei orffen</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Your office</source>
        <translation>Eich swyddfa</translation>
    </message>
    <message>
        <source>This caseload is new: two steps before the first case.</source>
        <translation>Mae&apos;r llwyth achosion hwn yn newydd: dau gam cyn yr achos cyntaf.</translation>
    </message>
    <message>
        <source>&amp;Office name:</source>
        <translation>&amp;Enw&apos;r swyddfa:</translation>
    </message>
    <message>
        <source>e.g. Probation Service Victim Liaison Unit</source>
        <translation>e.e. Uned Cyswllt Dioddefwyr y Gwasanaeth Prawf</translation>
    </message>
    <message>
        <source>&amp;Return address:</source>
        <translation>Cyfeiriad &amp;dychwelyd:</translation>
    </message>
    <message>
        <source>One line per line of the address</source>
        <translation>Un llinell ar gyfer pob llinell o&apos;r cyfeiriad</translation>
    </message>
    <message>
        <source>Office &amp;phone:</source>
        <translation>&amp;Ffôn y swyddfa:</translation>
    </message>
    <message>
        <source>Office &amp;email:</source>
        <translation>E-&amp;bost y swyddfa:</translation>
    </message>
</context>
<context>
    <name>OptChangeDialog</name>
    <message>
        <source>Opt-in change — {ref}</source>
        <translation>Newid optio i mewn — {ref}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Contact preferences</source>
        <translation>Dewisiadau cyswllt</translation>
    </message>
    <message>
        <source>Contact le&amp;vel:</source>
        <translation>&amp;Lefel cyswllt:</translation>
    </message>
    <message>
        <source>The level is chosen when the victim opts in.</source>
        <translation>Dewisir y lefel pan fydd y dioddefwr yn optio i mewn.</translation>
    </message>
    <message>
        <source>Preferred c&amp;hannel:</source>
        <translation>&amp;Sianel a ffefrir:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Iaith:</translation>
    </message>
    <message>
        <source>&amp;Accessibility needs:</source>
        <translation>&amp;Anghenion hygyrchedd:</translation>
    </message>
    <message>
        <source>Phone first:</source>
        <translation>Ffonio yn gyntaf:</translation>
    </message>
    <message>
        <source>Telephone before writing</source>
        <translation>Ffonio cyn ysgrifennu</translation>
    </message>
    <message>
        <source>Phone first</source>
        <translation>Ffonio yn gyntaf</translation>
    </message>
    <message>
        <source>Parent/&amp;guardian:</source>
        <translation>Rhiant/gwarcheidwad:</translation>
    </message>
    <message>
        <source>Parent or guardian</source>
        <translation>Rhiant neu warcheidwad</translation>
    </message>
    <message>
        <source>Required: the victim is under 18</source>
        <translation>Gofynnol: mae&apos;r dioddefwr dan 18</translation>
    </message>
    <message>
        <source>Edit contact detail</source>
        <translation>Golygu manylyn cyswllt</translation>
    </message>
    <message>
        <source>Add contact detail</source>
        <translation>Ychwanegu manylyn cyswllt</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Math:</translation>
    </message>
    <message>
        <source>&amp;Detail:</source>
        <translation>M&amp;anylyn:</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Manylyn</translation>
    </message>
    <message>
        <source>Safe to use:</source>
        <translation>Diogel i&apos;w ddefnyddio:</translation>
    </message>
    <message>
        <source>Safe (the offender does not know it)</source>
        <translation>Diogel (nid yw&apos;r troseddwr yn ei wybod)</translation>
    </message>
    <message>
        <source>Safe to use</source>
        <translation>Diogel i&apos;w ddefnyddio</translation>
    </message>
    <message>
        <source>Do not post:</source>
        <translation>Peidiwch â phostio:</translation>
    </message>
    <message>
        <source>Never post to it</source>
        <translation>Peidiwch byth â phostio iddo</translation>
    </message>
    <message>
        <source>Do not post</source>
        <translation>Peidiwch â phostio</translation>
    </message>
    <message>
        <source>Safe alternative:</source>
        <translation>Dewis arall diogel:</translation>
    </message>
    <message>
        <source>A safe alternative address (e.g. a support worker&apos;s)</source>
        <translation>Cyfeiriad arall diogel (e.e. cyfeiriad gweithiwr cymorth)</translation>
    </message>
    <message>
        <source>Safe alternative address</source>
        <translation>Cyfeiriad arall diogel</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>Dilys &amp;o:</translation>
    </message>
    <message>
        <source>Valid &amp;to:</source>
        <translation>Dilys &amp;tan:</translation>
    </message>
    <message>
        <source>Valid to (ended)</source>
        <translation>Dilys tan (wedi dod i ben)</translation>
    </message>
    <message>
        <source>Always (no start date)</source>
        <translation>Bob amser (dim dyddiad dechrau)</translation>
    </message>
    <message>
        <source>Still in use (no end date)</source>
        <translation>Yn dal i gael ei ddefnyddio (dim dyddiad gorffen)</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nodyn:</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>No printer is set up on this computer, so nothing was printed. Add one (on Linux a CUPS printer, on Windows a system printer) or use Save PDF…</source>
        <translation>Does dim argraffydd wedi&apos;i osod ar y cyfrifiadur hwn, felly ni argraffwyd dim. Ychwanegwch un (ar Linux argraffydd CUPS, ar Windows argraffydd system) neu defnyddiwch Cadw PDF…</translation>
    </message>
    <message>
        <source>Choose a printer: VCS Desk does not print to a file (use Save PDF… for that).</source>
        <translation>Dewiswch argraffydd: nid yw VCS Desk yn argraffu i ffeil (defnyddiwch Cadw PDF… ar gyfer hynny).</translation>
    </message>
    <message>
        <source>Sent to the printer {printer}.</source>
        <translation>Wedi&apos;i anfon at yr argraffydd {printer}.</translation>
    </message>
    <message>
        <source>Printed on {printer} (job {job}).</source>
        <translation>Wedi&apos;i argraffu ar {printer} (tasg argraffu {job}).</translation>
    </message>
    <message>
        <source>Sent to the printer {printer} (job {job}).</source>
        <translation>Wedi&apos;i anfon at yr argraffydd {printer} (tasg argraffu {job}).</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Tudalennau</translation>
    </message>
    <message>
        <source>Preview tools</source>
        <translation>Offer rhagolwg</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Argraff&amp;u…</translation>
    </message>
    <message>
        <source>P&amp;revious page</source>
        <translation>Tudalen fla&amp;enorol</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>Tudalen &amp;nesaf</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Chwyddo &amp;i mewn</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Chwyddo a&amp;llan</translation>
    </message>
    <message>
        <source>&amp;Fit width</source>
        <translation>Ffitio&apos;r &amp;lled</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cau</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Argraffu</translation>
    </message>
</context>
<context>
    <name>ReferralDetailsDialog</name>
    <message>
        <source>Referral details — {ref}</source>
        <translation>Manylion yr atgyfeiriad — {ref}</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Section</source>
        <translation>Adran</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eitem</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Manylyn</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Ffigur</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Y cyfan</translation>
    </message>
    <message>
        <source>Initial offers by month, within and outside the limit</source>
        <translation>Cynigion cyntaf fesul mis, o fewn a thu allan i&apos;r terfyn</translation>
    </message>
    <message>
        <source>Licence conditions included, per cent of decided, by month</source>
        <translation>Amodau trwydded a gynhwyswyd, canran o&apos;r rhai y penderfynwyd arnynt, fesul mis</translation>
    </message>
    <message>
        <source>Open cases per VLO</source>
        <translation>Achosion agored fesul VLO</translation>
    </message>
    <message>
        <source>The same numbers are in the Figures tab.</source>
        <translation>Mae&apos;r un rhifau yn y tab Ffigurau.</translation>
    </message>
    <message>
        <source>The numbers behind every chart are lines of the Figures tab.</source>
        <translation>Mae&apos;r rhifau y tu ôl i bob siart yn llinellau yn y tab Ffigurau.</translation>
    </message>
    <message>
        <source>OM team</source>
        <translation>Tîm OM</translation>
    </message>
    <message>
        <source>VLO</source>
        <translation>VLO</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Cyfnod o</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Cyfnod hyd at</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>Dangos</translation>
    </message>
    <message>
        <source>Show the report</source>
        <translation>Dangos yr adroddiad</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>A&amp;llforio…</translation>
    </message>
    <message>
        <source>Export the report to PDF or CSV</source>
        <translation>Allforio&apos;r adroddiad i PDF neu CSV</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Argraff&amp;u…</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>Argraffu&apos;r adroddiad</translation>
    </message>
    <message>
        <source>Headline figures</source>
        <translation>Prif ffigurau</translation>
    </message>
    <message>
        <source>Report figures</source>
        <translation>Ffigurau&apos;r adroddiad</translation>
    </message>
    <message>
        <source>Choose a figure to list the cases behind it.</source>
        <translation>Dewiswch ffigur i restru&apos;r achosion y tu ôl iddo.</translation>
    </message>
    <message>
        <source>Case ref</source>
        <translation>Cyfeirnod achos</translation>
    </message>
    <message>
        <source>Cases behind the chosen figure</source>
        <translation>Achosion y tu ôl i&apos;r ffigur a ddewiswyd</translation>
    </message>
    <message>
        <source>Export the cases behind the chosen figure to CSV or PDF</source>
        <translation>Allforio&apos;r achosion y tu ôl i&apos;r ffigur a ddewiswyd i CSV neu PDF</translation>
    </message>
    <message>
        <source>Definitions of the figures</source>
        <translation>Diffiniadau&apos;r ffigurau</translation>
    </message>
    <message>
        <source>Report pages</source>
        <translation>Tudalennau&apos;r adroddiad</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>O:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Hyd at:</translation>
    </message>
    <message>
        <source>OM team:</source>
        <translation>Tîm OM:</translation>
    </message>
    <message>
        <source>V&amp;LO:</source>
        <translation>&amp;VLO:</translation>
    </message>
    <message>
        <source>Export cases…</source>
        <translation>Allforio achosion…</translation>
    </message>
    <message>
        <source>F&amp;igures</source>
        <translation>Ff&amp;igurau</translation>
    </message>
    <message>
        <source>Ch&amp;arts</source>
        <translation>&amp;Siartiau</translation>
    </message>
    <message>
        <source>&amp;Definitions</source>
        <translation>Diffi&amp;niadau</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wrthi&apos;n cyfrif…</translation>
    </message>
    <message>
        <source>Building the report</source>
        <translation>Llunio&apos;r adroddiad</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Canslwyd</translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation>Heb ei gyfrif</translation>
    </message>
    <message>
        <source>the figures below are still for {period}</source>
        <translation>mae&apos;r ffigurau isod yn dal i fod ar gyfer {period}</translation>
    </message>
    <message>
        <source>choose Show to count again</source>
        <translation>dewiswch Dangos i gyfrif eto</translation>
    </message>
    <message>
        <source>{why}: {shown}.</source>
        <translation>{why}: {shown}.</translation>
    </message>
    <message>
        <source>{period}, as at its end: {within} of {offers} initial offers within the limit ({rate}); opt-in rate {opt}; licence conditions included as asked {incl} ({amended} counting those included as amended). Definitions tab: what each figure counts.</source>
        <translation>{period}, fel ar ei diwedd: {within} o {offers} cynnig cyntaf o fewn y terfyn ({rate}); cyfradd optio i mewn {opt}; amodau trwydded a gynhwyswyd fel y gofynnwyd {incl} ({amended} gan gyfrif y rhai a gynhwyswyd wedi&apos;u diwygio). Tab Diffiniadau: beth mae pob ffigur yn ei gyfrif.</translation>
    </message>
    <message>
        <source>Totals and rates: choose a counted line to see cases.</source>
        <translation>Cyfansymiau a chyfraddau: dewiswch linell a gyfrifwyd i weld achosion.</translation>
    </message>
    <message>
        <source>{count} case(s) behind “{figure}”:</source>
        <translation>{count} achos y tu ôl i “{figure}”:</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Allforio&apos;r adroddiad</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;CSV (*.csv)</source>
        <translation>PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation>Cadwyd yr adroddiad i {path}</translation>
    </message>
    <message>
        <source>Export the cases behind a figure</source>
        <translation>Allforio&apos;r achosion y tu ôl i ffigur</translation>
    </message>
    <message>
        <source>CSV (*.csv);;PDF (*.pdf)</source>
        <translation>CSV (*.csv);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Cases saved to {path}</source>
        <translation>Cadwyd yr achosion i {path}</translation>
    </message>
</context>
<context>
    <name>RetentionView</name>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Dioddefwr</translation>
    </message>
    <message>
        <source>Offender</source>
        <translation>Troseddwr</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Newidiwyd ddiwethaf</translation>
    </message>
    <message>
        <source>Victim&apos;s other cases</source>
        <translation>Achosion eraill y dioddefwr</translation>
    </message>
    <message>
        <source>Closed cases past retention</source>
        <translation>Achosion wedi&apos;u cau sydd y tu hwnt i&apos;r cyfnod cadw</translation>
    </message>
    <message>
        <source>Retention review summary</source>
        <translation>Crynodeb o&apos;r adolygiad cadw</translation>
    </message>
    <message>
        <source>Review as at</source>
        <translation>Adolygu ar</translation>
    </message>
    <message>
        <source>See which cases will be past retention on a later date</source>
        <translation>Gweld pa achosion fydd y tu hwnt i&apos;r cyfnod cadw ar ddyddiad diweddarach</translation>
    </message>
    <message>
        <source>Review &amp;as at:</source>
        <translation>Ado&amp;lygu ar:</translation>
    </message>
    <message>
        <source>Erase the selected cases for good</source>
        <translation>Dileu&apos;r achosion a ddewiswyd am byth</translation>
    </message>
    <message>
        <source>Only a senior VLO can erase cases</source>
        <translation>Dim ond uwch VLO all ddileu achosion</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>Agor acho&amp;s</translation>
    </message>
    <message>
        <source>Open the selected case</source>
        <translation>Agor yr achos a ddewiswyd</translation>
    </message>
    <message>
        <source>Erase se&amp;lected…</source>
        <translation>Dileu&apos;&amp;r rhai a ddewiswyd…</translation>
    </message>
    <message>
        <source>Refre&amp;sh</source>
        <translation>Ad&amp;newyddu</translation>
    </message>
    <message>
        <source>Refresh the retention list</source>
        <translation>Adnewyddu&apos;r rhestr gadw</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
    <message>
        <source>You can erase selected cases: this cannot be undone.</source>
        <translation>Gallwch ddileu&apos;r achosion a ddewiswyd: ni ellir dadwneud hyn.</translation>
    </message>
    <message>
        <source>Only a senior VLO can erase cases; you can review the list.</source>
        <translation>Dim ond uwch VLO all ddileu achosion; gallwch adolygu&apos;r rhestr.</translation>
    </message>
    <message>
        <source> Cases listed for a later date cannot be erased yet.</source>
        <translation> Ni ellir dileu achosion a restrir ar gyfer dyddiad diweddarach eto.</translation>
    </message>
    <message>
        <source>{count} closed or archived case(s) unchanged for {years} years or more as at {date}. Erasing removes the case, its notes, letters (and their PDFs) and tasks, and the victim and offender when they have no other case; the audit log records only that an erasure happened.</source>
        <translation>{count} achos wedi&apos;u cau neu eu harchifo heb eu newid ers {years} blynedd neu fwy ar {date}. Mae dileu yn tynnu&apos;r achos, ei nodiadau, ei lythyrau (a&apos;u ffeiliau PDF) a&apos;i dasgau, a&apos;r dioddefwr a&apos;r troseddwr pan nad oes ganddynt achos arall; dim ond y ffaith bod dileu wedi digwydd y mae&apos;r log archwilio yn ei chofnodi.</translation>
    </message>
    <message>
        <source>Select the cases to erase first.</source>
        <translation>Dewiswch yr achosion i&apos;w dileu yn gyntaf.</translation>
    </message>
    <message>
        <source>Erase {count} case(s) for good? Their records and kept letters are deleted and cannot be restored (backups age out with the rotation).</source>
        <translation>Dileu {count} achos am byth? Caiff eu cofnodion a&apos;u llythyrau a gadwyd eu dileu ac ni ellir eu hadfer (mae copïau wrth gefn yn dod i ben gyda&apos;r cylchdro).</translation>
    </message>
    <message>
        <source>Erasing cases</source>
        <translation>Dileu achosion</translation>
    </message>
    <message>
        <source>Erased {cases} case(s): {victims} victim(s) and {offenders} offender(s) with no other case, {files} kept file(s).</source>
        <translation>Dilëwyd {cases} achos: {victims} dioddefwr a {offenders} troseddwr heb achos arall, {files} ffeil a gadwyd.</translation>
    </message>
    <message>
        <source> These files could not be deleted; remove them by hand: {files}</source>
        <translation> Nid oedd modd dileu&apos;r ffeiliau hyn; tynnwch nhw â llaw: {files}</translation>
    </message>
    <message>
        <source> Another program is reading the caseload file, so its write-ahead log still holds the erased data until that program closes it.</source>
        <translation> Mae rhaglen arall yn darllen ffeil y llwyth achosion, felly mae ei log ysgrifennu-ymlaen yn dal i gadw&apos;r data a ddilëwyd nes i&apos;r rhaglen honno ei chau.</translation>
    </message>
    <message>
        <source> {count} backup(s) still hold the erased cases: {files}. Erase those backups too? (A fresh backup of the caseload as it is now is made in their place.)</source>
        <translation> Mae {count} copi wrth gefn yn dal i gadw&apos;r achosion a ddilëwyd: {files}. Dileu&apos;r copïau wrth gefn hynny hefyd? (Caiff copi wrth gefn newydd o&apos;r llwyth achosion fel y mae nawr ei wneud yn eu lle.)</translation>
    </message>
</context>
<context>
    <name>SecondConfirmationDialog</name>
    <message>
        <source>Confirm a large batch</source>
        <translation>Cadarnhau swp mawr</translation>
    </message>
    <message>
        <source>This batch changes official dates on {affected_cases:,} of {open_cases:,} open cases ({share_percent:.1f}%) and creates {len:,} victim tasks. To record it, type the number of cases: {affected_cases}.</source>
        <translation>Mae&apos;r swp hwn yn newid dyddiadau swyddogol ar {affected_cases:,} o {open_cases:,} achos agored ({share_percent:.1f}%) ac yn creu {len:,} tasg dioddefwr. I&apos;w gofnodi, teipiwch nifer yr achosion: {affected_cases}.</translation>
    </message>
    <message>
        <source>What you are confirming</source>
        <translation>Beth rydych yn ei gadarnhau</translation>
    </message>
    <message>
        <source>&amp;Number of cases:</source>
        <translation>&amp;Nifer yr achosion:</translation>
    </message>
    <message>
        <source>Type {count} (the number of cases this batch changes) to record it, or Cancel.</source>
        <translation>Teipiwch {count} (nifer yr achosion y mae&apos;r swp hwn yn eu newid) i&apos;w gofnodi, neu Canslo.</translation>
    </message>
</context>
<context>
    <name>SendToOMDialog</name>
    <message>
        <source>Send licence condition request to the OM</source>
        <translation>Anfon cais am amod trwydded at yr OM</translation>
    </message>
    <message>
        <source>To: {value}</source>
        <translation>At: {value}</translation>
    </message>
    <message>
        <source>no offender manager recorded</source>
        <translation>dim rheolwr troseddwyr wedi&apos;i gofnodi</translation>
    </message>
    <message>
        <source>The document is checked before it is produced: it is refused if it holds any victim&apos;s address, phone number or email.</source>
        <translation>Caiff y ddogfen ei gwirio cyn ei chynhyrchu: caiff ei gwrthod os yw&apos;n cynnwys cyfeiriad, rhif ffôn neu e-bost unrhyw ddioddefwr.</translation>
    </message>
    <message>
        <source>{title} (requested {requested_on:%d/%m/%Y})</source>
        <translation>{title} (gofynnwyd {requested_on:%d/%m/%Y})</translation>
    </message>
    <message>
        <source>Send: {title}</source>
        <translation>Anfon: {title}</translation>
    </message>
    <message>
        <source>No request on this case is waiting to be sent.</source>
        <translation>Does dim cais ar yr achos hwn yn aros i&apos;w anfon.</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Ceisiadau:</translation>
    </message>
    <message>
        <source>Requests to send</source>
        <translation>Ceisiadau i&apos;w hanfon</translation>
    </message>
    <message>
        <source>&amp;Date sent:</source>
        <translation>&amp;Dyddiad anfon:</translation>
    </message>
    <message>
        <source>&amp;Sent by:</source>
        <translation>&amp;Anfonwyd drwy:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Por&amp;i…</translation>
    </message>
    <message>
        <source>Choose where to save the PDF</source>
        <translation>Dewis ble i gadw&apos;r PDF</translation>
    </message>
    <message>
        <source>Save &amp;PDF to:</source>
        <translation>&amp;Cadw&apos;r PDF yn:</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>Ffeil PDF</translation>
    </message>
    <message>
        <source>P&amp;rint it too (to post or hand over)</source>
        <translation>Ei a&amp;rgraffu hefyd (i&apos;w bostio neu ei roi â llaw)</translation>
    </message>
    <message>
        <source>Print the request too</source>
        <translation>Argraffu&apos;r cais hefyd</translation>
    </message>
    <message>
        <source>Save the request as</source>
        <translation>Cadw&apos;r cais fel</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Tick at least one request to send.</source>
        <translation>Ticiwch o leiaf un cais i&apos;w anfon.</translation>
    </message>
    <message>
        <source>Choose where to save the PDF.</source>
        <translation>Dewiswch ble i gadw&apos;r PDF.</translation>
    </message>
    <message>
        <source>Request sent; kept encrypted in {path}</source>
        <translation>Cais wedi&apos;i anfon; wedi&apos;i gadw wedi&apos;i amgryptio yn {path}</translation>
    </message>
    <message>
        <source>Request sent; PDF saved to {path}</source>
        <translation>Cais wedi&apos;i anfon; PDF wedi&apos;i gadw yn {path}</translation>
    </message>
    <message>
        <source> and printed.</source>
        <translation> ac wedi&apos;i argraffu.</translation>
    </message>
</context>
<context>
    <name>Sentence</name>
    <message>
        <source>Select or open a case first.</source>
        <translation>Dewiswch neu agorwch achos yn gyntaf.</translation>
    </message>
</context>
<context>
    <name>SentenceDialog</name>
    <message>
        <source>years</source>
        <translation>blynedd</translation>
    </message>
    <message>
        <source>months</source>
        <translation>mis</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>wythnos</translation>
    </message>
    <message>
        <source>days</source>
        <translation>diwrnod</translation>
    </message>
    <message>
        <source>Enter the whole sentence length, in weeks or days if the court gave it so.</source>
        <translation>Rhowch hyd cyfan y ddedfryd, mewn wythnosau neu ddyddiau os felly y rhoddodd y llys hi.</translation>
    </message>
    <message>
        <source>Enter the whole length of the detention.</source>
        <translation>Rhowch hyd cyfan y cadw.</translation>
    </message>
    <message>
        <source>Enter the default term still to be served (the court&apos;s term, shortened by any part payment) and the fine.</source>
        <translation>Rhowch y cyfnod diffygdalu sydd i&apos;w dreulio o hyd (cyfnod y llys, wedi&apos;i fyrhau gan unrhyw daliad rhannol) a&apos;r ddirwy.</translation>
    </message>
    <message>
        <source>Enter the length of the order (4 to 24 months).</source>
        <translation>Rhowch hyd y gorchymyn (4 i 24 mis).</translation>
    </message>
    <message>
        <source>Enter the suspended term (up to 2 years): it is served only if the court activates it.</source>
        <translation>Rhowch y cyfnod gohiriedig (hyd at 2 flynedd): dim ond os bydd y llys yn ei weithredu y caiff ei dreulio.</translation>
    </message>
    <message>
        <source>Enter the custodial term and the extension period (1 to 8 years).</source>
        <translation>Rhowch y cyfnod yn y ddalfa a&apos;r cyfnod estynedig (1 i 8 mlynedd).</translation>
    </message>
    <message>
        <source>Enter the custodial term: 12 months on licence follow automatically.</source>
        <translation>Rhowch y cyfnod yn y ddalfa: mae 12 mis ar drwydded yn dilyn yn awtomatig.</translation>
    </message>
    <message>
        <source>Enter the minimum term (tariff) the judge set.</source>
        <translation>Rhowch yr isafswm cyfnod (tariff) a osododd y barnwr.</translation>
    </message>
    <message>
        <source>Record sentence</source>
        <translation>Cofnodi dedfryd</translation>
    </message>
    <message>
        <source>Sentence &amp;type:</source>
        <translation>&amp;Math o ddedfryd:</translation>
    </message>
    <message>
        <source>O&amp;ffence type:</source>
        <translation>Math o d&amp;rosedd:</translation>
    </message>
    <message>
        <source>Offence type (decides the release rules)</source>
        <translation>Math o drosedd (sy&apos;n penderfynu&apos;r rheolau rhyddhau)</translation>
    </message>
    <message>
        <source>Sentence &amp;date:</source>
        <translation>Dyddiad y dd&amp;edfryd:</translation>
    </message>
    <message>
        <source>Offence dat&amp;e:</source>
        <translation>Dyddiad y dr&amp;osedd:</translation>
    </message>
    <message>
        <source>Offence date (the last day, if over a period)</source>
        <translation>Dyddiad y drosedd (y diwrnod olaf, os dros gyfnod)</translation>
    </message>
    <message>
        <source>The release rules depend on it: offences before 4 April 2005 fall under the Criminal Justice Act 1991, and short terms for offences before 1 February 2015 have no licence. If the offence ran over a period, give its last day.</source>
        <translation>Mae&apos;r rheolau rhyddhau&apos;n dibynnu arno: mae troseddau cyn 4 Ebrill 2005 yn dod o dan Ddeddf Cyfiawnder Troseddol 1991, ac nid oes trwydded ar gyfer cyfnodau byr am droseddau cyn 1 Chwefror 2015. Os parhaodd y drosedd dros gyfnod, rhowch ei diwrnod olaf.</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Hyd:</translation>
    </message>
    <message>
        <source>Sentence length</source>
        <translation>Hyd y ddedfryd</translation>
    </message>
    <message>
        <source>&amp;Custodial term:</source>
        <translation>Cyfnod yn y ddalfa:</translation>
    </message>
    <message>
        <source>Custodial term</source>
        <translation>Cyfnod yn y ddalfa</translation>
    </message>
    <message>
        <source>E&amp;xtension period:</source>
        <translation>&amp;Cyfnod estynedig:</translation>
    </message>
    <message>
        <source>Extension period</source>
        <translation>Cyfnod estynedig</translation>
    </message>
    <message>
        <source>&amp;Minimum term (tariff):</source>
        <translation>&amp;Isafswm cyfnod (tariff):</translation>
    </message>
    <message>
        <source>Minimum term</source>
        <translation>Isafswm cyfnod</translation>
    </message>
    <message>
        <source>Minimum term (tariff)</source>
        <translation>Isafswm cyfnod (tariff)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> diwrnod</translation>
    </message>
    <message>
        <source>Days on &amp;remand:</source>
        <translation>Dyddiau &amp;ar remand:</translation>
    </message>
    <message>
        <source>Days on remand and days on a qualifying curfew (tagged bail) both count.</source>
        <translation>Mae dyddiau ar remand a dyddiau ar gyrffyw cymwys (mechnïaeth â thag) yn cyfrif.</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Heb ei gofnodi</translation>
    </message>
    <message>
        <source>Fine amo&amp;unt:</source>
        <translation>S&amp;wm y ddirwy:</translation>
    </message>
    <message>
        <source>Fine amount</source>
        <translation>Swm y ddirwy</translation>
    </message>
    <message>
        <source>The offence is on the Sentencing Act 2026 &amp;progression model exclusion list</source>
        <translation>Mae&apos;r drosedd ar restr eithrio&apos;r model &amp;dilyniant yn Neddf Dedfrydu 2026</translation>
    </message>
    <message>
        <source>Offence on the progression model exclusion list</source>
        <translation>Trosedd ar restr eithrio&apos;r model dilyniant</translation>
    </message>
    <message>
        <source>C&amp;ourt:</source>
        <translation>&amp;Llys:</translation>
    </message>
    <message>
        <source>Offe&amp;nces:</source>
        <translation>&amp;Troseddau:</translation>
    </message>
    <message>
        <source>What to enter</source>
        <translation>Beth i&apos;w roi</translation>
    </message>
    <message>
        <source>No release date is estimated for a hospital disposal.</source>
        <translation>Nid oes dyddiad rhyddhau wedi&apos;i amcangyfrif ar gyfer gorchymyn ysbyty.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Gosodiadau</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Adrannau&apos;r gosodiadau</translation>
    </message>
    <message>
        <source>&amp;You</source>
        <translation>&amp;Chi</translation>
    </message>
    <message>
        <source>&amp;Office letterhead</source>
        <translation>Pennawd llythyr y &amp;swyddfa</translation>
    </message>
    <message>
        <source>&amp;Working-day limits</source>
        <translation>Terfynau &amp;diwrnodau gwaith</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>Copïau wrth &amp;gefn</translation>
    </message>
    <message>
        <source>&amp;Security and display</source>
        <translation>Diogelwch ac &amp;arddangos</translation>
    </message>
    <message>
        <source>Your name as it appears on cases, and the direct line printed on your letters. The contact details are kept in the caseload file for the whole office.</source>
        <translation>Eich enw fel y mae&apos;n ymddangos ar achosion, a&apos;r llinell uniongyrchol a argraffir ar eich llythyrau. Cedwir y manylion cyswllt yn ffeil y llwyth achosion ar gyfer y swyddfa gyfan.</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Eich &amp;enw:</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Eich enw</translation>
    </message>
    <message>
        <source>Direct &amp;phone:</source>
        <translation>&amp;Ffôn uniongyrchol:</translation>
    </message>
    <message>
        <source>Direct &amp;email:</source>
        <translation>E-&amp;bost uniongyrchol:</translation>
    </message>
    <message>
        <source>Si&amp;gnature name:</source>
        <translation>Enw&apos;r &amp;llofnod:</translation>
    </message>
    <message>
        <source>Your name, if left empty</source>
        <translation>Eich enw, os yw&apos;n wag</translation>
    </message>
    <message>
        <source>Demo details (made up). Saving keeps them in this file.</source>
        <translation>Manylion demo (wedi&apos;u dyfeisio). Mae cadw yn eu storio yn y ffeil hon.</translation>
    </message>
    <message>
        <source>Office &amp;name:</source>
        <translation>&amp;Enw&apos;r swyddfa:</translation>
    </message>
    <message>
        <source>Office name (&amp;Welsh):</source>
        <translation>Enw&apos;r swyddfa (&amp;Cymraeg):</translation>
    </message>
    <message>
        <source>&amp;Return address:</source>
        <translation>Cyfeiriad &amp;dychwelyd:</translation>
    </message>
    <message>
        <source>Return address (W&amp;elsh):</source>
        <translation>Cyfeiriad dychwelyd (Cy&amp;mraeg):</translation>
    </message>
    <message>
        <source>Office &amp;phone:</source>
        <translation>&amp;Ffôn y swyddfa:</translation>
    </message>
    <message>
        <source>Office e&amp;mail:</source>
        <translation>E-&amp;bost y swyddfa:</translation>
    </message>
    <message>
        <source>Rule set %1, in force from %2.</source>
        <translation>Set reolau %1, mewn grym o %2.</translation>
    </message>
    <message>
        <source>These limits are versioned rules: to change one, add a new rule set with its in-force date (resources/rules/vcs_rules.json), so older cases keep the rules of their day.</source>
        <translation>Rheolau â fersiynau yw&apos;r terfynau hyn: i newid un, ychwanegwch set reolau newydd gyda&apos;i dyddiad dod i rym (resources/rules/vcs_rules.json), fel bod achosion hŷn yn cadw rheolau eu cyfnod.</translation>
    </message>
    <message>
        <source>Read only: a senior VLO can change the rule set.</source>
        <translation>Darllen yn unig: gall uwch VLO newid y set reolau.</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>diwrnod gwaith</translation>
    </message>
    <message>
        <source>calendar days</source>
        <translation>diwrnod calendr</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Terfyn</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Dyddiad cau</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation>Yn cyfrif o</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Ffynhonnell</translation>
    </message>
    <message>
        <source>Working-day limits</source>
        <translation>Terfynau diwrnodau gwaith</translation>
    </message>
    <message>
        <source>%1 limits</source>
        <translation>%1 terfyn</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Gosodiadau wedi&apos;u cadw.</translation>
    </message>
    <message>
        <source>VCS Desk backs up while it is open and when it closes, keeping a rotation of verified copies. Each caseload file gets its own folder inside the one chosen here.</source>
        <translation>Mae VCS Desk yn gwneud copïau wrth gefn tra bydd ar agor a phan fydd yn cau, gan gadw cylchdro o gopïau wedi&apos;u gwirio. Mae pob ffeil llwyth achosion yn cael ei ffolder ei hun y tu mewn i&apos;r un a ddewisir yma.</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Por&amp;i…</translation>
    </message>
    <message>
        <source>Choose backup folder</source>
        <translation>Dewis ffolder copïau wrth gefn</translation>
    </message>
    <message>
        <source>Backup &amp;folder:</source>
        <translation>&amp;Ffolder copïau wrth gefn:</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Ffolder copïau wrth gefn</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> munud</translation>
    </message>
    <message>
        <source>Back up e&amp;very:</source>
        <translation>Copi wrth gefn &amp;bob:</translation>
    </message>
    <message>
        <source>Back up every</source>
        <translation>Copi wrth gefn bob</translation>
    </message>
    <message>
        <source>&amp;Lock after idle:</source>
        <translation>&amp;Cloi ar ôl segura:</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>Cloi ar ôl segura</translation>
    </message>
    <message>
        <source>Interface lan&amp;guage:</source>
        <translation>&amp;Iaith y rhyngwyneb:</translation>
    </message>
    <message>
        <source>A new language applies the next time VCS Desk starts.</source>
        <translation>Bydd iaith newydd yn dod i rym y tro nesaf y bydd VCS Desk yn dechrau.</translation>
    </message>
    <message>
        <source>&amp;High contrast (white on black)</source>
        <translation>Cyferbyniad &amp;uchel (gwyn ar ddu)</translation>
    </message>
    <message>
        <source>Display:</source>
        <translation>Arddangos:</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Cyferbyniad uchel</translation>
    </message>
    <message>
        <source>Text follows the system font size; change it in your system settings.</source>
        <translation>Mae&apos;r testun yn dilyn maint ffont y system; newidiwch hwnnw yng ngosodiadau eich system.</translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation>Methu cadw: %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to VCS Desk</source>
        <translation>Mewngofnodi i VCS Desk</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sign in to open the caseload&lt;/b&gt;</source>
        <translation>&lt;b&gt;Mewngofnodwch i agor y llwyth achosion&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;{name}</source>
        <translation>&lt;br&gt;{name}</translation>
    </message>
    <message>
        <source>Caseload file</source>
        <translation>Ffeil y llwyth achosion</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Enw &amp;defnyddiwr:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Cyfrinair:</translation>
    </message>
    <message>
        <source>About this sign-in</source>
        <translation>Ynghylch y mewngofnodi hwn</translation>
    </message>
    <message>
        <source>This is the demo database of synthetic cases. Its demo account ({user}, password {password}, a VLO) is filled in: press Enter to sign in. Every letter printed from it says DEMO.</source>
        <translation>Dyma&apos;r gronfa ddata demo o achosion synthetig. Mae ei chyfrif demo ({user}, cyfrinair {password}, VLO) wedi&apos;i lenwi: pwyswch Enter i fewngofnodi. Mae pob llythyr a argreffir ohoni&apos;n dweud DEMO.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Mewngofnodi</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Mewngofnodi</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Gadael</translation>
    </message>
    <message>
        <source>Not signed in: {problem}</source>
        <translation>Heb fewngofnodi: {problem}</translation>
    </message>
</context>
<context>
    <name>StartupProblem</name>
    <message>
        <source>{path} was not opened: it is not a plain VCS Desk database, and no key was given to open it as an encrypted one (or the file is damaged).</source>
        <translation>Ni agorwyd {path}: nid yw&apos;n gronfa ddata VCS Desk plaen, ac ni roddwyd allwedd i&apos;w hagor fel un wedi&apos;i hamgryptio (neu mae&apos;r ffeil wedi&apos;i difrodi).</translation>
    </message>
    <message>
        <source>took over the lock of %s</source>
        <translation>wedi cymryd clo %s drosodd</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Methodd yr adfer</translation>
    </message>
</context>
<context>
    <name>StartupProblemDialog</name>
    <message>
        <source>VCS Desk cannot open the caseload</source>
        <translation>Ni all VCS Desk agor y llwyth achosion</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Rhybudd</translation>
    </message>
    <message>
        <source>&lt;b&gt;The caseload file cannot be opened.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ni ellir agor ffeil y llwyth achosion.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Beth sydd o&apos;i le</translation>
    </message>
    <message>
        <source>What you can do</source>
        <translation>Beth allwch chi ei wneud</translation>
    </message>
    <message>
        <source>&amp;Restore last verified backup…</source>
        <translation>&amp;Adfer y copi wrth gefn olaf a wiriwyd…</translation>
    </message>
    <message>
        <source>Restore last verified backup</source>
        <translation>Adfer y copi wrth gefn olaf a wiriwyd</translation>
    </message>
    <message>
        <source>&amp;Choose another file…</source>
        <translation>&amp;Dewis ffeil arall…</translation>
    </message>
    <message>
        <source>Choose another file</source>
        <translation>Dewis ffeil arall</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Gadael</translation>
    </message>
    <message>
        <source>File: {db_path}</source>
        <translation>Ffeil: {db_path}</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Ffeil y gronfa ddata</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Adfer copi wrth gefn</translation>
    </message>
    <message>
        <source>Replace {name} with the backup taken on {when}?

The current file is kept beside it under a dated name.</source>
        <translation>Rhoi&apos;r copi wrth gefn a wnaed ar {when} yn lle {name}?

Caiff y ffeil bresennol ei chadw wrth ei ochr dan enw â dyddiad.</translation>
    </message>
    <message>
        <source>Open a VCS Desk database</source>
        <translation>Agor cronfa ddata VCS Desk</translation>
    </message>
    <message>
        <source>VCS Desk databases (*.db);;All files (*)</source>
        <translation>Cronfeydd data VCS Desk (*.db);;Pob ffeil (*)</translation>
    </message>
</context>
<context>
    <name>SubjectAccess</name>
    <message>
        <source>Subject access export</source>
        <translation>Allforio mynediad at ddata gwrthrych</translation>
    </message>
    <message>
        <source>Folder for everything held about {full_name}</source>
        <translation>Ffolder ar gyfer popeth a gedwir am {full_name}</translation>
    </message>
    <message>
        <source>{records} records about {full_name} were saved as a readable PDF and a CSV bundle:
{pdf}
{bundle}

The export is logged as a disclosure. Review it before release: other people named in notes or letters may need to be redacted.</source>
        <translation>Cadwyd {records} cofnod am {full_name} fel PDF darllenadwy a bwndel CSV:
{pdf}
{bundle}

Caiff yr allforio ei gofnodi fel datgeliad. Adolygwch ef cyn ei ryddhau: efallai y bydd angen golygu allan bobl eraill a enwir mewn nodiadau neu lythyrau.</translation>
    </message>
</context>
<context>
    <name>Table</name>
    <message>
        <source>1 row</source>
        <translation>1 rhes</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 rhes</translation>
    </message>
</context>
<context>
    <name>TemplateApprovalDialog</name>
    <message>
        <source>Version {version}, saved by {saved_by} on {saved_at} (UTC): {note}
Read every changed line: a condition (for example on the victim&apos;s name) can hide wording from the preview and still print it in real letters.</source>
        <translation>Fersiwn {version}, wedi&apos;i chadw gan {saved_by} ar {saved_at} (UTC): {note}
Darllenwch bob llinell a newidiwyd: gall amod (er enghraifft ar enw&apos;r dioddefwr) guddio geiriad o&apos;r rhagolwg a&apos;i argraffu er hynny mewn llythyrau go iawn.</translation>
    </message>
    <message>
        <source>(no change against the wording in use)</source>
        <translation>(dim newid o&apos;i gymharu â&apos;r geiriad sy&apos;n cael ei ddefnyddio)</translation>
    </message>
    <message>
        <source>Changed lines</source>
        <translation>Llinellau a newidiwyd</translation>
    </message>
    <message>
        <source>The letter with an invented case</source>
        <translation>Y llythyr gydag achos dychmygol</translation>
    </message>
    <message>
        <source>Why it cannot be approved</source>
        <translation>Pam na ellir ei gymeradwyo</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Cymeradwyo</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Approve letter wording</source>
        <translation>Cymeradwyo geiriad llythyr</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <source>Waiting for approval</source>
        <translation>Yn aros am gymeradwyaeth</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Cymeradwywyd</translation>
    </message>
    <message>
        <source>Letter templates</source>
        <translation>Templedi llythyrau</translation>
    </message>
    <message>
        <source>&amp;Letter:</source>
        <translation>Llythyr:</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>&amp;Iaith:</translation>
    </message>
    <message>
        <source>In use now:</source>
        <translation>Yn cael ei ddefnyddio nawr:</translation>
    </message>
    <message>
        <source>Version in use</source>
        <translation>Y fersiwn sy&apos;n cael ei defnyddio</translation>
    </message>
    <message>
        <source>Template wording</source>
        <translation>Geiriad y templed</translation>
    </message>
    <message>
        <source>Preview with an invented case</source>
        <translation>Rhagolwg gydag achos dychmygol</translation>
    </message>
    <message>
        <source>Template check</source>
        <translation>Gwiriad y templed</translation>
    </message>
    <message>
        <source>What &amp;changed (kept with the version):</source>
        <translation>Beth a &amp;newidiodd (wedi&apos;i gadw gyda&apos;r fersiwn):</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Fersiwn</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>Geiriad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Saved by</source>
        <translation>Cadwyd gan</translation>
    </message>
    <message>
        <source>Saved (UTC)</source>
        <translation>Cadwyd (UTC)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Llythyrau</translation>
    </message>
    <message>
        <source>Versions of this letter</source>
        <translation>Fersiynau o&apos;r llythyr hwn</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>&amp;Rhagolwg argraffu…</translation>
    </message>
    <message>
        <source>&amp;Save as new version</source>
        <translation>&amp;Cadw fel fersiwn newydd</translation>
    </message>
    <message>
        <source>&amp;Approve selected version…</source>
        <translation>C&amp;ymeradwyo&apos;r fersiwn a ddewiswyd…</translation>
    </message>
    <message>
        <source>&amp;Restore standard wording</source>
        <translation>&amp;Adfer y geiriad safonol</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Versions kept (newest first):</source>
        <translation>Fersiynau a gadwyd (y mwyaf diweddar yn gyntaf):</translation>
    </message>
    <message>
        <source>Version {version} ({origin})</source>
        <translation>Fersiwn {version} ({origin})</translation>
    </message>
    <message>
        <source>Cannot be approved: {exc}</source>
        <translation>Methu ei gymeradwyo: {exc}</translation>
    </message>
    <message>
        <source>Version {version} approved: new letters use it; letters already made keep theirs.</source>
        <translation>Fersiwn {version} wedi&apos;i chymeradwyo: mae llythyrau newydd yn ei defnyddio; mae llythyrau a wnaed eisoes yn cadw eu rhai nhw.</translation>
    </message>
    <message>
        <source>This wording cannot be used: {error}</source>
        <translation>Ni ellir defnyddio&apos;r geiriad hwn: {error}</translation>
    </message>
    <message>
        <source>With the invented case this letter would be blocked:
</source>
        <translation>Gyda&apos;r achos dychmygol byddai&apos;r llythyr hwn yn cael ei rwystro:
</translation>
    </message>
    <message>
        <source>Preview with an invented case (Ceri Prydderch; the offender is held at {SYNTHETIC_ESTABLISHMENT}, release {SYNTHETIC_RELEASE:%d/%m/%Y} - neither may appear). The wording passes the checks.</source>
        <translation>Rhagolwg gydag achos dychmygol (Ceri Prydderch; caiff y troseddwr ei gadw yn {SYNTHETIC_ESTABLISHMENT}, rhyddhau {SYNTHETIC_RELEASE:%d/%m/%Y} - ni chaiff y naill na&apos;r llall ymddangos). Mae&apos;r geiriad yn pasio&apos;r gwiriadau.</translation>
    </message>
    <message>
        <source>Not saved: {exc}</source>
        <translation>Heb ei gadw: {exc}</translation>
    </message>
    <message>
        <source>Version {version} (approved before) is in use again; letters already made keep theirs.</source>
        <translation>Mae fersiwn {version} (a gymeradwywyd o&apos;r blaen) yn cael ei defnyddio eto; mae llythyrau a wnaed eisoes yn cadw eu rhai nhw.</translation>
    </message>
    <message>
        <source>Saved as version {version}. It waits for a second senior VLO to approve it; until then letters use the version in use now.</source>
        <translation>Wedi&apos;i chadw fel fersiwn {version}. Mae&apos;n aros i ail uwch VLO ei chymeradwyo; tan hynny mae llythyrau&apos;n defnyddio&apos;r fersiwn sy&apos;n cael ei defnyddio nawr.</translation>
    </message>
    <message>
        <source>Not changed: {exc}</source>
        <translation>Heb ei newid: {exc}</translation>
    </message>
    <message>
        <source>New letters use the standard wording again (version {version}).</source>
        <translation>Mae llythyrau newydd yn defnyddio&apos;r geiriad safonol eto (fersiwn {version}).</translation>
    </message>
</context>
<context>
    <name>UndoHistory</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Dadwneud</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ailwneud</translation>
    </message>
</context>
<context>
    <name>VariationDialog</name>
    <message>
        <source>Record a variation</source>
        <translation>Cofnodi amrywiad</translation>
    </message>
    <message>
        <source>&amp;Why it changed:</source>
        <translation>&amp;Pam y newidiodd:</translation>
    </message>
    <message>
        <source>&amp;New wording:</source>
        <translation>Geiriad &amp;newydd:</translation>
    </message>
</context>
<context>
    <name>WaitingOnOMView</name>
    <message>
        <source>All offender managers</source>
        <translation>Pob rheolwr troseddwyr</translation>
    </message>
    <message>
        <source>(no OM recorded)</source>
        <translation>(dim OM wedi&apos;i gofnodi)</translation>
    </message>
    <message>
        <source>none pending</source>
        <translation>dim yn yr arfaeth</translation>
    </message>
    <message>
        <source>OVERDUE since {date}</source>
        <translation>DROS AMSER ers {date}</translation>
    </message>
    <message>
        <source>DUE TODAY</source>
        <translation>ERBYN HEDDIW</translation>
    </message>
    <message>
        <source>Offender manager</source>
        <translation>Rheolwr troseddwyr</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Tîm</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Yn aros</translation>
    </message>
    <message>
        <source>Oldest (working days)</source>
        <translation>Hynaf (diwrnodau gwaith)</translation>
    </message>
    <message>
        <source>Chases due</source>
        <translation>Atgoffáu i&apos;w gwneud</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Dioddefwr</translation>
    </message>
    <message>
        <source>OM</source>
        <translation>OM</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>Yn aros am</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Anfonwyd</translation>
    </message>
    <message>
        <source>Age (working days)</source>
        <translation>Oed (diwrnodau gwaith)</translation>
    </message>
    <message>
        <source>Chases</source>
        <translation>Atgoffáu</translation>
    </message>
    <message>
        <source>Next chase</source>
        <translation>Atgoffa nesaf</translation>
    </message>
    <message>
        <source>Waiting per offender manager</source>
        <translation>Yn aros fesul rheolwr troseddwyr</translation>
    </message>
    <message>
        <source>Items waiting on offender managers</source>
        <translation>Eitemau sy&apos;n aros am reolwyr troseddwyr</translation>
    </message>
    <message>
        <source>Waiting on OM summary</source>
        <translation>Crynodeb o&apos;r aros am yr OM</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>Agor acho&amp;s</translation>
    </message>
    <message>
        <source>Open the selected case</source>
        <translation>Agor yr achos a ddewiswyd</translation>
    </message>
    <message>
        <source>Ch&amp;ase…</source>
        <translation>A&amp;tgoffa…</translation>
    </message>
    <message>
        <source>Refre&amp;sh</source>
        <translation>Ad&amp;newyddu</translation>
    </message>
    <message>
        <source>Chase the OM about the selected item</source>
        <translation>Atgoffa&apos;r OM am yr eitem a ddewiswyd</translation>
    </message>
    <message>
        <source>Refresh the waiting list</source>
        <translation>Adnewyddu&apos;r rhestr aros</translation>
    </message>
    <message>
        <source>{items} item(s) waiting on {oms} offender manager(s); {due} chase(s) due or overdue. Age counts working days since the request was sent (as of {today}).</source>
        <translation>{items} eitem yn aros am {oms} rheolwr troseddwyr; {due} neges atgoffa yn ddyledus neu dros amser. Mae&apos;r oed yn cyfrif diwrnodau gwaith ers anfon y cais (ar {today}).</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
</context>
<context>
    <name>_EligibilityPreview</name>
    <message>
        <source>{reason}
(rules {rules_version})</source>
        <translation>{reason}
(rheolau {rules_version})</translation>
    </message>
</context>
<context>
    <name>_FromOMDialog</name>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dyddiad:</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>&amp;Gan:</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
</context>
</TS>
