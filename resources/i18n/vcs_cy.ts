<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name>CaseView</name>
    <message>
        <source>Licence &amp;conditions</source>
        <translation>&amp;Amodau trwydded</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Hanes</translation>
    </message>
    <message>
        <source>Contacts &amp;&amp; le&amp;tters</source>
        <translation>Cysylltiadau a ll&amp;ythyrau</translation>
    </message>
    <message>
        <source>&amp;Liaison log</source>
        <translation>Cofnod &amp;cyswllt</translation>
    </message>
    <message>
        <source>&amp;Offender &amp;&amp; dates</source>
        <translation>&amp;Troseddwr a dyddiadau</translation>
    </message>
    <message>
        <source>Ti&amp;meline</source>
        <translation>&amp;Llinell amser</translation>
    </message>
    <message>
        <source>&amp;Victim &amp;&amp; contact</source>
        <translation>&amp;Dioddefwr a chyswllt</translation>
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
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <source>Search names, case reference, CRN or prison number</source>
        <translation>Chwilio enwau, cyfeirnod achos, CRN neu rif carchar</translation>
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
        <source>&amp;Search:</source>
        <translation>&amp;Chwilio:</translation>
    </message>
    <message>
        <source>&amp;VLO:</source>
        <translation>&amp;VLO:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatws:</translation>
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
    <name>DashboardView</name>
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
        <translation>V&amp;LO:</translation>
    </message>
    <message>
        <source>Tasks as of</source>
        <translation>Tasgau ar</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>&amp;Agor achos</translation>
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
        <source>Over&amp;due</source>
        <translation>&amp;Dros amser</translation>
    </message>
    <message>
        <source>Due &amp;today</source>
        <translation>Erbyn &amp;heddiw</translation>
    </message>
    <message>
        <source>This &amp;week</source>
        <translation>Yr &amp;wythnos hon</translation>
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
    <name>MainWindow</name>
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
        <translation>&amp;Pori…</translation>
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
</TS>
