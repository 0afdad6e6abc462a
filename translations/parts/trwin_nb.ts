<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../annotator/ui/window_actions.py" line="+88"/>
        <source>&amp;New study…</source>
        <translation>&amp;Ny studie…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a new study file with a codebook</source>
        <translation>Lag en ny studiefil med en kodebok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open study…</source>
        <translation>&amp;Åpne studie…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the &amp;demo study</source>
        <translation>Åpne &amp;demostudien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build (first time) and open the demo study</source>
        <translation>Bygg (første gang) og åpne demostudien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>&amp;Eksporter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export coded timelines (CSV, Excel, SPSS, ELAN, time-sliced)</source>
        <translation>Eksporter kodede tidslinjer (CSV, Excel, SPSS, ELAN, tidsintervaller)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check &amp;out for a coder…</source>
        <translation>Sjekk &amp;ut for en koder…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a coder&apos;s own blind study file for their laptop</source>
        <translation>Skriv en egen blind studiefil for en koder, til koderens bærbare PC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Merge a coder&apos;s study…</source>
        <translation>Slå sa&amp;mmen en koders studie…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring a coder&apos;s checked-out work back into this study</source>
        <translation>Hent en koders utsjekkede arbeid tilbake inn i denne studien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close study</source>
        <translation>&amp;Lukk studie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>A&amp;vslutt</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../annotator/ui/session_keeper.py" line="+172"/>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../annotator/ui/session_keeper.py" line="+0"/>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Split at playhead</source>
        <translation>&amp;Del ved avspillingsposisjonen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split the selected segment (or the one under the playhead)</source>
        <translation>Del det valgte segmentet (eller det under avspillingsposisjonen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Note…</source>
        <translation>&amp;Notat…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a note on the selected segment</source>
        <translation>Skriv et notat på det valgte segmentet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete segment</source>
        <translation>&amp;Slett segment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected segments (Delete in the timeline or table)</source>
        <translation>Slett de valgte segmentene (Delete i tidslinjen eller tabellen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;End open codes</source>
        <translation>A&amp;vslutt åpne registreringer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End every code that is being recorded, at the playhead</source>
        <translation>Avslutt alle åpne registreringer ved avspillingsposisjonen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard open codes</source>
        <translation>Forkast åpne registreringer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard the codes being recorded</source>
        <translation>Forkast de åpne registreringene</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hold mode</source>
        <translation>&amp;Holdemodus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code for as long as a code&apos;s key is held down</source>
        <translation>Kod så lenge kodens tast holdes nede</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;other coders (unblind)</source>
        <translation>Vis &amp;andre kodere (avblinder)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the other coders&apos; segments on this session; this is logged</source>
        <translation>Vis de andre kodernes segmenter i denne sesjonen; dette logges</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ubmit session</source>
        <translation>&amp;Lever sesjon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark your coding of this session as done</source>
        <translation>Merk kodingen din av denne sesjonen som ferdig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reopen session</source>
        <translation>Åpne sesjon &amp;igjen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen a submitted session to edit it; this is logged</source>
        <translation>Åpne en levert sesjon igjen for å redigere den; dette logges</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switch &amp;coder…</source>
        <translation>&amp;Bytt koder…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Plan reliability coding…</source>
        <translation>&amp;Planlegg reliabilitetskoding…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assign a stratified sample of sessions to a second coder, blind</source>
        <translation>Tildel et stratifisert utvalg av sesjoner til en annen koder, blindet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Compare coders…</source>
        <translation>&amp;Sammenlign kodere…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reliability, confusion and timeline differences between coders</source>
        <translation>Reliabilitet, forvekslinger og tidslinjeforskjeller mellom kodere</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Analysis…</source>
        <translation>&amp;Analyse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time budgets, co-occurrence, sequences and trends over sessions</source>
        <translation>Tidsbudsjetter, samforekomst, sekvenser og trender over sesjoner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;heck study</source>
        <translation>S&amp;jekk studien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Integrity, schema and missing media</source>
        <translation>Integritet, skjema og manglende opptak</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;fresh</source>
        <translation>&amp;Oppdater</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show what other coders committed meanwhile (lab server, merges)</source>
        <translation>Vis det andre kodere har lagret i mellomtiden (labserver, sammenslåinger)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset layout</source>
        <translation>&amp;Tilbakestill oppsett</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the &amp;whole session</source>
        <translation>Vis &amp;hele sesjonen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom the timeline out to the whole session</source>
        <translation>Zoom tidslinjen ut til hele sesjonen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;inn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom the timeline in around the playhead</source>
        <translation>Zoom tidslinjen inn rundt avspillingsposisjonen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom o&amp;ut</source>
        <translation>Zoom &amp;ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom the timeline out around the playhead</source>
        <translation>Zoom tidslinjen ut rundt avspillingsposisjonen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Follow the playhead</source>
        <translation>Fø&amp;lg avspillingsposisjonen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page the timeline so the playhead stays in view while playing</source>
        <translation>Bla tidslinjen så avspillingsposisjonen er synlig under avspilling</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Definition pane</source>
        <translation>&amp;Definisjonsrute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the definition and examples of the hovered or selected code</source>
        <translation>Vis definisjonen og eksemplene for koden under musepekeren eller den valgte koden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Go to time…</source>
        <translation>&amp;Gå til tid…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the playhead to a time (12:34.5, 1:02:03 or seconds)</source>
        <translation>Flytt avspillingsposisjonen til en tid (12:34.5, 1:02:03 eller sekunder)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next segment</source>
        <translation>&amp;Neste segment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the next segment of any code</source>
        <translation>Gå til neste segment, uansett kode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous segment</source>
        <translation>&amp;Forrige segment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the previous segment of any code</source>
        <translation>Gå til forrige segment, uansett kode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next segment of the selected &amp;code</source>
        <translation>Neste segment av valgt &amp;kode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the next segment of the selected segment&apos;s code</source>
        <translation>Gå til neste segment med samme kode som det valgte segmentet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous segment of the selected c&amp;ode</source>
        <translation>Forrige segment av valgt k&amp;ode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the previous segment of the selected segment&apos;s code</source>
        <translation>Gå til forrige segment med samme kode som det valgte segmentet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User &amp;manual</source>
        <translation>&amp;Brukerhåndbok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the user manual in your web browser</source>
        <translation>Åpne brukerhåndboken i nettleseren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard…</source>
        <translation>&amp;Tastatur…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every key and shortcut of the coding window</source>
        <translation>Alle taster og hurtigtaster i kodevinduet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About annotator</source>
        <translation>&amp;Om annotator</translation>
    </message>
</context>
<context>
    <name>EditingActions</name>
    <message>
        <location filename="../../annotator/ui/window_editing.py" line="+47"/>
        <source>Open a session to code (double-click it in the study list).</source>
        <translation>Åpne en sesjon for å kode (dobbeltklikk på den i studielisten).</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No segment under the playhead to split.</source>
        <translation>Ingen segmenter under avspillingsposisjonen å dele.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select a segment to write a note on it.</source>
        <translation>Velg et segment for å skrive et notat på det.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note on {code} at {time}:</source>
        <translation>Notat på {code} ved {time}:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Unblind?</source>
        <translation>Avblinde?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You are coding this session blind, for reliability. Showing the other coders&apos; segments ends the blinding, and it is logged.

Show them?</source>
        <translation>Du koder denne sesjonen blindet, for reliabilitet. Å vise de andre kodernes segmenter opphever blindingen, og det logges.

Vise dem?</translation>
    </message>
</context>
<context>
    <name>GoToTimeDialog</name>
    <message>
        <location filename="../../annotator/ui/window_navigation.py" line="+55"/>
        <source>Go to time</source>
        <extracomment>span factor of one keyboard zoom step (in: the span shrinks to 2/3)</extracomment>
        <translation>Gå til tid</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>12:34.5 (minutes:seconds), 1:02:03 or seconds (754.5)</source>
        <translation>12:34.5 (minutter:sekunder), 1:02:03 eller sekunder (754.5)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Time: 12:34.5, 1:02:03 or seconds (the session ends at {end})</source>
        <translation>Tid: 12:34.5, 1:02:03 eller sekunder (sesjonen slutter ved {end})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time: 12:34.5, 1:02:03 or seconds</source>
        <translation>Tid: 12:34.5, 1:02:03 eller sekunder</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <location filename="../../annotator/ui/keyboard_help.py" line="+116"/>
        <source>No user manual</source>
        <extracomment>where the built manual is (None: the one of this copy, manual.MANUAL_DIR)</extracomment>
        <translation>Ingen brukerhåndbok</translation>
    </message>
</context>
<context>
    <name>InterfaceLanguageMenu</name>
    <message>
        <location filename="../../annotator/ui/window_menus.py" line="+173"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The interface will be in {language} from the next start of annotator. The codebook&apos;s labels switch now.</source>
        <translation>Grensesnittet blir på {language} fra neste gang annotator starter. Kodebokens etiketter bytter språk nå.</translation>
    </message>
</context>
<context>
    <name>KeyboardHelp</name>
    <message>
        <location filename="../../annotator/ui/keyboard_help.py" line="-87"/>
        <source>Nudge the selected edge one frame</source>
        <extracomment>keys the timeline widget handles itself (not window actions)</extracomment>
        <translation>Flytt den valgte kanten ett bilde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected segments (timeline or table)</source>
        <translation>Slett de valgte segmentene (tidslinje eller tabell)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom the timeline around the mouse</source>
        <translation>Zoom tidslinjen rundt musepekeren</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> (point)</source>
        <translation> (punkt)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A state code&apos;s key starts a segment; press it again to end it. In an exclusive category, starting a code ends the open one. Enter ends all open codes, Esc discards them. H toggles hold mode (code while the key is held).</source>
        <translation>Tasten til en tilstandskode starter et segment; trykk den igjen for å avslutte det. I en eksklusiv kategori avslutter en ny kode den åpne. Enter avslutter alle åpne registreringer, Esc forkaster dem. H slår holdemodus av og på (kod mens tasten holdes nede).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Coding</source>
        <translation>Koding</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Player</source>
        <translation>Avspiller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commands</source>
        <translation>Kommandoer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About annotator</source>
        <translation>Om annotator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;annotator&lt;/b&gt; {version}&lt;br&gt;Code recorded therapy sessions, compare coders, export coded timelines.&lt;br&gt;MIT licence. No network access, ever.</source>
        <translation>&lt;b&gt;annotator&lt;/b&gt; {version}&lt;br&gt;Kod innspilte terapisesjoner, sammenlign kodere, eksporter kodede tidslinjer.&lt;br&gt;MIT-lisens. Aldri nettverkstilgang.</translation>
    </message>
</context>
<context>
    <name>LeaveBox</name>
    <message>
        <location filename="../../annotator/ui/session_keeper.py" line="-87"/>
        <source>A code is being recorded</source>
        <extracomment>How often a moved playhead is stored (ms). How often the SQLite WAL is copied back into the study file, on a worker (ms).</extracomment>
        <translation>En kode registreres</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A code is still being recorded: {codes}.</source>
        <translation>En kode registreres fortsatt: {codes}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before you {what}: end it at the playhead ({time}), or discard it?</source>
        <translation>Før du {what}: avslutte den ved avspillingsposisjonen ({time}), eller forkaste den?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%n codes are still being recorded: {codes}.</source>
        <translation>%n koder registreres fortsatt: {codes}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before you {what}: end them at the playhead ({time}), or discard them?</source>
        <translation>Før du {what}: avslutte dem ved avspillingsposisjonen ({time}), eller forkaste dem?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End at {time}</source>
        <translation>Avslutt ved {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Discard</source>
        <translation>Forkast</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="+83"/>
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Codes</source>
        <translation>Koder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Segments</source>
        <translation>Segmenter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Definition</source>
        <translation>Definisjon</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>No such session</source>
        <translation>Ingen slik sesjon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>There is no session {key!r} in this study (use CASE:N).</source>
        <translation>Det finnes ingen sesjon {key!r} i denne studien (bruk CASE:N).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Refreshed.</source>
        <translation>Oppdatert.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open a study</source>
        <translation>Åpne en studie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Studies (*.annot);;All files (*)</source>
        <translation>Studier (*.annot);;Alle filer (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{study} — annotator</source>
        <translation>{study} — annotator</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot open the study</source>
        <translation>Kan ikke åpne studien</translation>
    </message>
</context>
<context>
    <name>Manual</name>
    <message>
        <location filename="../../annotator/ui/manual.py" line="+40"/>
        <source>The user manual is not built in this copy of annotator (there is no {path}). In a checkout, build it with scripts/build-manual.sh (scripts/venv.sh does it too); a wheel installed with pip contains it.</source>
        <translation>Brukerhåndboken er ikke bygd i denne kopien av annotator (det finnes ingen {path}). I en utsjekk av kildekoden bygger du den med scripts/build-manual.sh (scripts/venv.sh gjør det også); en wheel installert med pip inneholder den.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No program could open the user manual ({path}). Open that file in a web browser.</source>
        <translation>Ingen programmer kunne åpne brukerhåndboken ({path}). Åpne den filen i en nettleser.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../annotator/ui/window_menus.py" line="-149"/>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Playback</source>
        <translation>&amp;Avspilling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Navigate</source>
        <translation>&amp;Naviger</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Coding</source>
        <translation>&amp;Koding</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Study</source>
        <translation>&amp;Studie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;ttings</source>
        <translation>&amp;Innstillinger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Open &amp;recent</source>
        <translation>Åpne n&amp;ylige</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Speed</source>
        <translation>&amp;Hastighet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code &amp;language</source>
        <translation>&amp;Kodespråk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>&amp;System language</source>
        <translation>&amp;Systemspråk</translation>
    </message>
</context>
<context>
    <name>NavigationActions</name>
    <message>
        <location filename="../../annotator/ui/window_navigation.py" line="+70"/>
        <source>Select a segment first: this goes to the next or previous segment of its code.</source>
        <translation>Velg et segment først: dette går til neste eller forrige segment med samme kode.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>No segment of {code} after the playhead.</source>
        <translation>Ingen segmenter av {code} etter avspillingsposisjonen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No segment of {code} before the playhead.</source>
        <translation>Ingen segmenter av {code} før avspillingsposisjonen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No segment after the playhead.</source>
        <translation>Ingen segmenter etter avspillingsposisjonen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No segment before the playhead.</source>
        <translation>Ingen segmenter før avspillingsposisjonen.</translation>
    </message>
</context>
<context>
    <name>SessionKeeper</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="-87"/>
        <source>open another study</source>
        <translation>åpner en annen studie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>close the study</source>
        <translation>lukker studien</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>switch coder</source>
        <translation>bytter koder</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>switch to another session</source>
        <translation>bytter til en annen sesjon</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>quit</source>
        <translation>avslutter</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/session_keeper.py" line="-38"/>
        <source>leave this session</source>
        <extracomment>What the window is about to do, for &quot;Before you …&quot; (marked for translation; see may_leave)</extracomment>
        <translation>forlater denne sesjonen</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>HOLD</source>
        <translation>HOLD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold mode: a code records only while its key is held down. Press H to turn it off.</source>
        <translation>Holdemodus: en kode registreres bare mens tasten holdes nede. Trykk H for å slå den av.</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>Hold mode on: a code records while its key is held down.</source>
        <translation>Holdemodus på: en kode registreres mens tasten holdes nede.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold mode off: a code&apos;s key starts a recording, the next press ends it.</source>
        <translation>Holdemodus av: kodens tast starter en registrering, neste trykk avslutter den.</translation>
    </message>
</context>
<context>
    <name>SessionMedia</name>
    <message>
        <location filename="../../annotator/ui/window_media.py" line="+16"/>
        <source>Double-click a session in the Study list to code it.
Press Ctrl+F1 for the keyboard, F1 for the user manual.</source>
        <translation>Dobbeltklikk på en sesjon i studielisten for å kode den.
Trykk Ctrl+F1 for tastaturet, F1 for brukerhåndboken.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a study (Ctrl+O), or create one (Ctrl+N).</source>
        <translation>Åpne en studie (Ctrl+O), eller lag en ny (Ctrl+N).</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The recording of {session} is missing ({path}). Relink it from the study browser (right-click ▸ Relink media…).</source>
        <translation>Opptaket av {session} mangler ({path}). Koble det til på nytt fra studielisten (høyreklikk ▸ Koble til opptak på nytt…).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ recording missing</source>
        <translation>⚠ opptak mangler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The recording of {session} is missing.
Click the timeline to move the playhead and code.</source>
        <translation>Opptaket av {session} mangler.
Klikk i tidslinjen for å flytte avspillingsposisjonen og kode.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{session} has no recording.
Click the timeline to move the playhead and code.</source>
        <translation>{session} har ikke noe opptak.
Klikk i tidslinjen for å flytte avspillingsposisjonen og kode.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>⚠ recording truncated: plays to {time}</source>
        <translation>⚠ opptaket er avkortet: spiller til {time}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>⚠ recording unreadable</source>
        <translation>⚠ opptaket kan ikke leses</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../annotator/ui/app.py" line="+76"/>
        <source>Welcome to annotator</source>
        <translation>Velkommen til annotator</translation>
    </message>
</context>
<context>
    <name>StudyActions</name>
    <message>
        <location filename="../../annotator/ui/window_study.py" line="+92"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{task}: cancelled.</source>
        <translation>{task}: avbrutt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New coder…</source>
        <translation>Ny koder…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who is coding?</source>
        <translation>Hvem koder?</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+247"/>
        <source>Coder:</source>
        <translation>Koder:</translation>
    </message>
    <message>
        <location line="-242"/>
        <source>New coder</source>
        <translation>Ny koder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Initials (e.g. AK):</source>
        <translation>Initialer (f.eks. AK):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Full name (optional):</source>
        <translation>Fullt navn (valgfritt):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot add the coder</source>
        <translation>Kan ikke legge til koderen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Relink media</source>
        <translation>Koble til opptak på nytt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recording of {session} was {path}.

Pick the moved file, or a folder to search for it by its SHA-256.</source>
        <translation>Opptaket av {session} lå i {path}.

Velg den flyttede filen, eller en mappe å lete etter den i ut fra SHA-256.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pick the file…</source>
        <translation>Velg filen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search a folder…</source>
        <translation>Søk i en mappe…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The moved recording</source>
        <translation>Det flyttede opptaket</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Folder to search</source>
        <translation>Mappe å søke i</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Checking the file</source>
        <translation>Kontrollerer filen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Searching for the recording</source>
        <translation>Leter etter opptaket</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not found</source>
        <translation>Ikke funnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No file in {folder} has the recording&apos;s SHA-256, so it was not relinked. A re-encoded or trimmed copy is a different recording.</source>
        <translation>Ingen fil i {folder} har opptakets SHA-256, så det ble ikke koblet til på nytt. En omkodet eller beskåret kopi er et annet opptak.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not relinked</source>
        <translation>Ikke koblet til på nytt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relinked {session} to {file}.</source>
        <translation>Koblet {session} til {file}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New study</source>
        <translation>Ny studie</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Another YAML file…</source>
        <translation>En annen YAML-fil…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>Codebook</source>
        <translation>Kodebok</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Codebook for the new study:</source>
        <translation>Kodebok for den nye studien:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>YAML codebooks (*.yaml *.yml)</source>
        <translation>YAML-kodebøker (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot create the study</source>
        <translation>Kan ikke lage studien</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Preparing the demo study</source>
        <translation>Klargjør demostudien</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(none yet)</source>
        <translation>(ingen ennå)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>reading the study</source>
        <translation>leser studien</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>done</source>
        <translation>ferdig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting to {file}</source>
        <translation>Eksporterer til {file}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Check out</source>
        <translation>Sjekk ut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Coder&apos;s study</source>
        <translation>Koderens studie</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Checking out {coder}</source>
        <translation>Sjekker ut {coder}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrote {path}: {report}</source>
        <translation>Skrev {path}: {report}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Merge a coder&apos;s study</source>
        <translation>Slå sammen en koders studie</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Merged</source>
        <translation>Slått sammen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Merging</source>
        <translation>Slår sammen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plan reliability</source>
        <translation>Planlegg reliabilitet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Second coder (initials) to code a sample blind:</source>
        <translation>Andre koder (initialer) som skal kode et utvalg blindet:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share of sessions (%):</source>
        <translation>Andel av sesjonene (%):</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Not planned</source>
        <translation>Ikke planlagt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reliability planned</source>
        <translation>Reliabilitet planlagt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n session(s) assigned to {coder} for blind reliability coding:</source>
        <translation>%n sesjon(er) tildelt {coder} for blindet reliabilitetskoding:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The comparison view is not available in this build.</source>
        <translation>Sammenligningsvisningen finnes ikke i denne versjonen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open a study first.</source>
        <translation>Åpne en studie først.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Integrity check passed and the schema is current.</source>
        <translation>Integritetskontrollen er bestått, og skjemaet er oppdatert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing media for: {sessions}. Relink them from the study browser (right-click ▸ Relink media…).</source>
        <translation>Manglende opptak for: {sessions}. Koble dem til på nytt fra studielisten (høyreklikk ▸ Koble til opptak på nytt…).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All linked media are present.</source>
        <translation>Alle tilkoblede opptak er på plass.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Still being recorded (not segments until ended):</source>
        <translation>Åpne registreringer (blir segmenter først når de avsluttes):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Study check</source>
        <translation>Studiekontroll</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Studies (*.annot)</source>
        <translation>Studier (*.annot)</translation>
    </message>
</context>
<context>
    <name>StudyLock</name>
    <message>
        <location filename="../../annotator/ui/instance_lock.py" line="+37"/>
        <source>This study is already open in another annotator window{owner}. Switch to that window; two windows on one study could confuse who changed what.</source>
        <translation>Denne studien er allerede åpen i et annet annotator-vindu{owner}. Bytt til det vinduet; to vinduer på samme studie kan gjøre det uklart hvem som endret hva.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source> (process {pid} on {host})</source>
        <translation> (prosess {pid} på {host})</translation>
    </message>
</context>
<context>
    <name>WindowStatus</name>
    <message>
        <location filename="../../annotator/ui/window_status.py" line="+20"/>
        <location line="+21"/>
        <source>No coder</source>
        <translation>Ingen koder</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+31"/>
        <source>No session</source>
        <translation>Ingen sesjon</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Every edit is saved the moment it is made.</source>
        <translation>Hver endring lagres i det øyeblikket den gjøres.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Coder: {coder} ({name})</source>
        <translation>Koder: {coder} ({name})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coder: {coder}</source>
        <translation>Koder: {coder}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{case} · session {number} · {purpose} · {status}</source>
        <translation>{case} · sesjon {number} · {purpose} · {status}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> · blind</source>
        <translation> · blindet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{details}

Coding still works: click the timeline to move the playhead.</source>
        <translation>{details}

Kodingen virker fortsatt: klikk i tidslinjen for å flytte avspillingsposisjonen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{title}: {message}</source>
        <translation>{title}: {message}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>✓ all edits saved</source>
        <translation>✓ alle endringer lagret</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../annotator/ui/workspace.py" line="+46"/>
        <source>primary</source>
        <extracomment>A rotating backup of the study every so often while it is open (5 are kept). an assignment&apos;s purpose and status as shown (the study stores the English keys)</extracomment>
        <translation>primær</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reliability</source>
        <translation>reliabilitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consensus</source>
        <translation>konsensus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>assigned</source>
        <translation>tildelt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>påbegynt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>submitted</source>
        <translation>levert</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Study already open</source>
        <extracomment>the open session&apos;s segments (the coder&apos;s own) and the selection the labels&apos; language asked for (interface or Code language), shown when the open codebook has it</extracomment>
        <translation>Studien er allerede åpen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot open the study</source>
        <translation>Kan ikke åpne studien</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Opened {where}</source>
        <translation>Åpnet {where}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The rotating backup failed: {error}</source>
        <translation>Den roterende sikkerhetskopien mislyktes: {error}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The study file {path} was moved or deleted while it was open, so this change cannot be saved to it. Close the study (File ▸ Close study) and open it from where it is now, or restore it from a backup.</source>
        <translation>Studiefilen {path} ble flyttet eller slettet mens den var åpen, så denne endringen kan ikke lagres i den. Lukk studien (Fil ▸ Lukk studie) og åpne den der den ligger nå, eller gjenopprett den fra en sikkerhetskopi.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Cannot open the session</source>
        <translation>Kan ikke åpne sesjonen</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>{coder} ({purpose})</source>
        <translation>{coder} ({purpose})</translation>
    </message>
</context>
</TS>
