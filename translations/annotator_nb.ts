<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb">
<context>
    <name>Actions</name>
    <message>
        <location filename="../annotator/ui/session_keeper.py" line="+171"/>
        <location filename="../annotator/ui/window_actions.py" line="+109"/>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../annotator/ui/window_actions.py" line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <location filename="../annotator/ui/window_actions.py" line="-22"/>
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
        <location line="+5"/>
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
    <name>AnalysisData</name>
    <message>
        <location filename="../annotator/ui/analysis/data.py" line="+112"/>
        <source>drawing {figure}</source>
        <translation>tegner {figure}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>writing {file}</source>
        <translation>skriver {file}</translation>
    </message>
</context>
<context>
    <name>AnalysisHeader</name>
    <message>
        <location filename="../annotator/ui/analysis/header.py" line="+19"/>
        <source>the primary coding of each session</source>
        <translation>primærkodingen av hver sesjon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>each session&apos;s consensus coding where it has one, else its primary coding</source>
        <translation>sesjonens konsensuskoding der den har en, ellers primærkodingen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>coder {coder}&apos;s coding of each session (primary, else reliability)</source>
        <translation>koder {coder}s koding av hver sesjon (primær, ellers reliabilitet)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>per case (sessions pooled)</source>
        <translation>per case (sesjoner slått sammen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>per coder (sessions pooled)</source>
        <translation>per koder (sesjoner slått sammen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the whole selection pooled</source>
        <translation>hele utvalget slått sammen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per session and coder</source>
        <translation>per sesjon og koder</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cases {cases}</source>
        <translation>caser {cases}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sessions {sessions}</source>
        <translation>sesjoner {sessions}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{filters}: {sessions} session(s) of {cases} case(s), {codings} coding(s)</source>
        <translation>{filters}: {sessions} sesjon(er) fra {cases} case(r), {codings} koding(er)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all sessions</source>
        <translation>alle sesjoner</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Counted: {counted} · {selection} · rows {grouping} · {codebook}</source>
        <translation>Teller: {counted} · {selection} · rader {grouping} · {codebook}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Durations: no media and no explicit duration, so the latest segment end (any coder) is used for: {sessions}</source>
        <translation>Varigheter: ingen medier og ingen oppgitt varighet, så siste segmentslutt (alle kodere) brukes for: {sessions}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No duration: no media, no explicit duration and no segment, so % of session and rates are empty for: {sessions}</source>
        <translation>Ingen varighet: ingen medier, ingen oppgitt varighet og ingen segmenter, så % av sesjonen og rater er tomme for: {sessions}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not coded: no coding that counts, shown with zeros (left out of trends): {sessions}</source>
        <translation>Ikke kodet: ingen koding som teller, vist med nuller (utelatt fra trender): {sessions}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note: {note}</source>
        <translation>Merknad: {note}</translation>
    </message>
</context>
<context>
    <name>AnalysisSteps</name>
    <message>
        <location filename="../annotator/ui/analysis/data.py" line="-99"/>
        <source>reading segments</source>
        <extracomment>Figures in the window are drawn at screen resolution (the exports use 300 dpi).</extracomment>
        <translation>leser segmenter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reading</source>
        <translation>leser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read</source>
        <translation>lest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>coverage</source>
        <translation>dekning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time budget</source>
        <translation>tidsbudsjett</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>co-occurrence</source>
        <translation>samforekomst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sequences</source>
        <translation>sekvenser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trends</source>
        <translation>trender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>ferdig</translation>
    </message>
</context>
<context>
    <name>AnalysisWindow</name>
    <message>
        <location filename="../annotator/ui/analysis/window.py" line="+44"/>
        <location line="+18"/>
        <source>Time budget</source>
        <translation>Tidsbudsjett</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Categories</source>
        <translation>Kategorier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wide</source>
        <translation>Bred</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Co-occurrence</source>
        <translation>Samforekomst</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Sequences</source>
        <translation>Sekvenser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trends</source>
        <translation>Trender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trends by case</source>
        <translation>Trender per case</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbeidsbok (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPSS…</source>
        <translation>SPSS…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPSS data (*.sav)</source>
        <translation>SPSS-data (*.sav)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTML report…</source>
        <translation>HTML-rapport…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF report…</source>
        <translation>PDF-rapport…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figures (PNG)…</source>
        <translation>Figurer (PNG)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trends: % of session time</source>
        <translation>Trender: % av sesjonstiden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trends: rate</source>
        <translation>Trender: rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case × session</source>
        <translation>Case × sesjon</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Analysis — {study}</source>
        <translation>Analyse — {study}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose what to analyse, then Compute.</source>
        <translation>Velg hva som skal analyseres, og trykk Beregn.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Figures</source>
        <translation>Figurer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export:</source>
        <translation>Eksporter:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The study could not be read.</source>
        <translation>Studien kunne ikke leses.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Computing…</source>
        <translation>Beregner…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancelled; the results shown (if any) are from before.</source>
        <translation>Avbrutt; resultatene som vises (om noen), er fra før.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Computed.</source>
        <translation>Beregnet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Computed; drawing the figures…</source>
        <translation>Beregnet; tegner figurene…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Sequences: {category}</source>
        <translation>Sekvenser: {category}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sequences: all codes</source>
        <translation>Sekvenser: alle koder</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Computed; {n} figure(s).</source>
        <translation>Beregnet; {n} figur(er).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The figures could not be drawn: {error}</source>
        <translation>Figurene kunne ikke tegnes: {error}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save the figures (300-dpi PNG)</source>
        <translation>Lagre figurene (PNG, 300 dpi)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export {format}</source>
        <translation>Eksporter {format}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Writing {file}…</source>
        <translation>Skriver {file}…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrote {n} figure(s) to {folder}.</source>
        <translation>Skrev {n} figur(er) til {folder}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrote {files} (the same as: {command}).</source>
        <translation>Skrev {files} (det samme som: {command}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not written: {error}</source>
        <translation>Ikke skrevet: {error}</translation>
    </message>
</context>
<context>
    <name>CodeComboDelegate</name>
    <message>
        <location filename="../annotator/ui/segment_table.py" line="+115"/>
        <source>A point code cannot replace a code with a duration.</source>
        <translation>En punktkode kan ikke erstatte en kode med varighet.</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <location filename="../annotator/ui/codebook_panel.py" line="+62"/>
        <source>point code (an instant)</source>
        <translation>punktkode (et øyeblikk)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>state code (has a duration)</source>
        <translation>tilstandskode (har varighet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>key {key}</source>
        <translation>tast {key}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Examples</source>
        <translation>Eksempler</translation>
    </message>
    <message>
        <location line="+290"/>
        <source>HOLD mode: a code records while its key is held down (H to turn off)</source>
        <translation>HOLDEMODUS: en kode registreres mens tasten holdes nede (H slår av)</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No codebook</source>
        <translation>Ingen kodebok</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} · version {version}</source>
        <translation>{name} · versjon {version}</translation>
    </message>
</context>
<context>
    <name>CoderChoice</name>
    <message>
        <location filename="../annotator/ui/compare/data.py" line="+60"/>
        <source>{label}  ·  re-coding, 1 session</source>
        <translation>{label}  ·  omkoding, 1 sesjon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}  ·  re-coding, {n} sessions</source>
        <translation>{label}  ·  omkoding, {n} sesjoner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{label}  ·  consensus, 1 session</source>
        <translation>{label}  ·  konsensus, 1 sesjon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}  ·  consensus, {n} sessions</source>
        <translation>{label}  ·  konsensus, {n} sesjoner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{label}  ·  coding, 1 session</source>
        <translation>{label}  ·  koding, 1 sesjon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}  ·  coding, {n} sessions</source>
        <translation>{label}  ·  koding, {n} sesjoner</translation>
    </message>
</context>
<context>
    <name>CodingController</name>
    <message>
        <location filename="../annotator/ui/coding_controller.py" line="+146"/>
        <source>&apos;{label}&apos; since {start}</source>
        <extracomment>the session&apos;s segments: the one copy, which the timeline and the table show</extracomment>
        <translation>«{label}» siden {start}</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Nothing to undo.</source>
        <translation>Ingenting å angre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to redo.</source>
        <translation>Ingenting å gjøre om.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Undone: {step}.</source>
        <translation>Angret: {step}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redone: {step}.</source>
        <translation>Gjort om: {step}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+16"/>
        <location line="+5"/>
        <source>Not submitted</source>
        <translation>Ikke levert</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>A code is still being recorded: {codes}. End it (Enter) or discard it (Esc) first; nothing was changed.</source>
        <translation>En kode har fortsatt åpen registrering: {codes}. Avslutt den (Enter) eller forkast den (Esc) først; ingenting ble endret.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Submitted {case} session {number}.</source>
        <translation>Leverte {case} sesjon {number}.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+5"/>
        <source>Not saved</source>
        <translation>Ikke lagret</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This session is submitted. Reopen it (Coding ▸ Reopen session) to change it; reopening is logged.</source>
        <translation>Denne sesjonen er levert. Åpne den igjen (Koding ▸ Åpne sesjon igjen) for å endre den; det blir logget.</translation>
    </message>
</context>
<context>
    <name>CompareData</name>
    <message>
        <location filename="../annotator/ui/compare/data.py" line="+98"/>
        <source>reading codings</source>
        <translation>leser kodinger</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>computing</source>
        <translation>beregner</translation>
    </message>
</context>
<context>
    <name>CompareNotes</name>
    <message>
        <location filename="../annotator/ui/compare/notes.py" line="+19"/>
        <source>kappa</source>
        <translation>kappa</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>alpha</source>
        <translation>alfa</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>pabak</source>
        <translation>PABAK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kappa_max</source>
        <translation>kappa maks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>icc_seconds</source>
        <translation>ICC sekunder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>icc_counts</source>
        <translation>ICC antall</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>units</source>
        <translation>enheter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty value</source>
        <translation>tom verdi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>category kappa</source>
        <translation>kategorikappa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>code kappa</source>
        <translation>kodekappa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>events</source>
        <translation>hendelser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>point codes</source>
        <translation>punktkoder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bootstrap</source>
        <translation>bootstrap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bands</source>
        <translation>nivåer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>icc</source>
        <translation>ICC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>multi coder</source>
        <translation>flere kodere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sessions</source>
        <translation>sesjoner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>segments</source>
        <translation>segmenter</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{measure} for {names}: {reason}</source>
        <translation>{measure} for {names}: {reason}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{case}:{session} left out: {reason}</source>
        <translation>{case}:{session} utelatt: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Warnings</source>
        <translation>Advarsler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undefined measures</source>
        <translation>Udefinerte mål</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Definitions</source>
        <translation>Definisjoner</translation>
    </message>
</context>
<context>
    <name>CompareTables</name>
    <message>
        <location filename="../annotator/ui/compare/tables.py" line="+51"/>
        <source>Cohen&apos;s kappa (two coders) or Fleiss&apos; kappa (three or more), on time</source>
        <translation>Cohens kappa (to kodere) eller Fleiss&apos; kappa (tre eller flere), på tid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Krippendorff&apos;s alpha (nominal) on time slices</source>
        <translation>Krippendorffs alfa (nominal) på tidsintervaller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gwet&apos;s AC1 (pooled like kappa for a non-exclusive category)</source>
        <translation>Gwets AC1 (slått sammen som kappa for en ikke-eksklusiv kategori)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Id in the codebook (stable; labels may change)</source>
        <translation>Id i kodeboken (stabil; navn kan endres)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prevalence- and bias-adjusted kappa, also Brennan–Prediger</source>
        <translation>Prevalens- og skjevhetsjustert kappa, også kalt Brennan–Prediger</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>not computed</source>
        <translation>ikke beregnet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>95% percentile bootstrap over sessions</source>
        <translation>95 % persentil-bootstrap over sesjoner</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <source>95% CI</source>
        <translation>95 % KI</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>κ band</source>
        <translation>κ-nivå</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <source>% agree</source>
        <translation>% samsvar</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>α band</source>
        <translation>α-nivå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The category&apos;s id in the codebook</source>
        <translation>Kategoriens id i kodeboken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclusive: at most one code at a time (multi-class kappa with ∅); non-exclusive: de Vries et al.&apos;s (2008) pooled kappa, (mean p_o − mean p_e) / (1 − mean p_e) over the codes in use</source>
        <translation>Eksklusiv: høyst én kode om gangen (flerklasse-kappa med ∅); ikke-eksklusiv: sammenslått kappa etter de Vries mfl. (2008), (gjennomsnittlig p_o − gjennomsnittlig p_e) / (1 − gjennomsnittlig p_e) over kodene i bruk</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+32"/>
        <source>Bootstrap over sessions</source>
        <translation>Bootstrap over sesjoner</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Landis &amp; Koch (1977)</source>
        <translation>Landis &amp; Koch (1977)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percentage of time both coders agree</source>
        <translation>Andel av tiden begge koderne samsvarer, i prosent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Krippendorff: ≥ .800 reliable, ≥ .667 tentative</source>
        <translation>Krippendorff: ≥ 0,800 pålitelig, ≥ 0,667 foreløpig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exclusive</source>
        <translation>eksklusiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>non-exclusive</source>
        <translation>ikke-eksklusiv</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>κ max</source>
        <translation>κ maks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The code&apos;s id in the codebook</source>
        <translation>Kodens id i kodeboken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The largest kappa the coders&apos; marginal totals allow</source>
        <translation>Den største kappaen kodernes marginalsummer tillater</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Positive specific agreement 2a / (2a + b + c)</source>
        <translation>Positivt spesifikt samsvar 2a / (2a + b + c)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Negative specific agreement 2d / (2d + b + c)</source>
        <translation>Negativt spesifikt samsvar 2d / (2d + b + c)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seconds coded by {coder}</source>
        <translation>Sekunder kodet av {coder}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events coded by {coder}</source>
        <translation>Hendelser kodet av {coder}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>only {coder}</source>
        <translation>bare {coder}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events of {coder} without a partner</source>
        <translation>Hendelser hos {coder} uten partner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>matched</source>
        <translation>koblet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events linked (overlap ≥ 60% of the longer; points within the tolerance)</source>
        <translation>Koblede hendelser (overlapp ≥ 60 % av den lengste; punkter innenfor toleransen)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ICC s</source>
        <translation>ICC s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ICC n</source>
        <translation>ICC n</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ICC(2,1), absolute agreement, on each session&apos;s seconds of the code (Koo &amp; Li bands)</source>
        <translation>ICC(2,1), absolutt samsvar, på hver sesjons sekunder med koden (nivåer etter Koo &amp; Li)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ICC(2,1) on each session&apos;s number of events</source>
        <translation>ICC(2,1) på hver sesjons antall hendelser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (point)</source>
        <translation> (punkt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label}
code {code} in category {category}</source>
        <translation>{label}
kode {code} i kategori {category}</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <location filename="../annotator/ui/compare/window.py" line="+68"/>
        <source>All coders</source>
        <translation>Alle kodere</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coders {a} and {b}</source>
        <translation>Koderne {a} og {b}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pair {a} and {b}</source>
        <translation>Paret {a} og {b}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 session</source>
        <translation>1 sesjon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} sessions</source>
        <translation>{n} sesjoner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exact durations</source>
        <translation>eksakte varigheter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{ms} ms slices (midpoint rule)</source>
        <translation>tidsintervaller på {ms} ms (midtpunktsregelen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fleiss&apos; kappa</source>
        <translation>Fleiss&apos; kappa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cohen&apos;s kappa</source>
        <translation>Cohens kappa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} bootstrap resamples over sessions</source>
        <translation>{n} bootstrap-utvalg over sesjoner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no intervals</source>
        <translation>ingen intervaller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{coders} · {sessions} · {units} · α on {alpha_ms} ms slices · point tolerance {tolerance_ms} ms · {kappa} · {intervals}</source>
        <translation>{coders} · {sessions} · {units} · α på tidsintervaller på {alpha_ms} ms · punkttoleranse {tolerance_ms} ms · {kappa} · {intervals}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Compare coders — {study}</source>
        <translation>Sammenlign kodere — {study}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare coders</source>
        <translation>Sammenlign kodere</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose the codings and sessions, then Compute.</source>
        <translation>Velg kodinger og sesjoner, og trykk Beregn.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy Methods paragraph</source>
        <translation>Kopier metodeavsnitt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy a Methods paragraph with these numbers and its references to the clipboard. It is written for a journal: in Norwegian when the labels are Norwegian, else in English, whatever the interface&apos;s language.</source>
        <translation>Kopier et metodeavsnitt med disse tallene og referansene til utklippstavlen. Det er skrevet for et tidsskrift: på norsk når navnene er norske, ellers på engelsk, uansett hvilket språk programmet bruker.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Agreement</source>
        <translation>Samsvar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline diff</source>
        <translation>Tidslinjeforskjeller</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The study could not be read.</source>
        <translation>Studien kunne ikke leses.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Check {coder} too: a re-coding is compared with the coder&apos;s own primary coding.</source>
        <translation>Kryss av for {coder} også: en omkoding sammenlignes med koderens egen primærkoding.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check at least one session that all the chosen coders coded.</source>
        <translation>Kryss av for minst én sesjon som alle de valgte koderne har kodet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Computing…</source>
        <translation>Beregner…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cancelled; the results shown (if any) are from before.</source>
        <translation>Avbrutt; resultatene som vises (om noen), er fra før.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Computed.</source>
        <translation>Beregnet.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Methods paragraph copied to the clipboard.</source>
        <translation>Metodeavsnittet er kopiert til utklippstavlen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Consensus saved.</source>
        <translation>Konsensus lagret.</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <location filename="../annotator/ui/compare/heatmap.py" line="+54"/>
        <source>seconds</source>
        <translation>sekunder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>events</source>
        <translation>hendelser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>slices</source>
        <translation>tidsintervaller</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{category} — time</source>
        <translation>{category} — tid</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{category} — events</source>
        <translation>{category} — hendelser</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Table:</source>
        <translation>Tabell:</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Compute to see confusion tables.</source>
        <translation>Beregn for å se forvekslingstabeller.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>rows: {rows}   ·   columns: {columns}   ·   {unit}</source>
        <translation>rader: {rows}   ·   kolonner: {columns}   ·   {unit}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>total</source>
        <translation>sum</translation>
    </message>
</context>
<context>
    <name>ConsensusDialog</name>
    <message>
        <location filename="../annotator/ui/compare/diff_panel.py" line="+133"/>
        <source>Create consensus</source>
        <translation>Opprett konsensus</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The consensus is a separate coding of this session by the consensus coder. It starts as a copy of the chosen coding; for each disagreement you then accept one coder&apos;s version. The compared codings are never changed.</source>
        <translation>Konsensus er en egen koding av denne sesjonen, laget av konsensuskoderen. Den starter som en kopi av den valgte kodingen; for hver uenighet godtar du så én koders versjon. De sammenlignede kodingene endres aldri.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Start from</source>
        <translation>Start fra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consensus coder</source>
        <translation>Konsensuskoder</translation>
    </message>
</context>
<context>
    <name>DefinitionPane</name>
    <message>
        <location filename="../annotator/ui/definition_pane.py" line="+17"/>
        <source>Hover over a code in the Codes panel, or select a segment, to read its definition and examples here.</source>
        <translation>Hold musepekeren over en kode i Koder-panelet, eller velg et segment, for å lese definisjonen og eksemplene her.</translation>
    </message>
</context>
<context>
    <name>DiffLanes</name>
    <message>
        <location filename="../annotator/ui/compare/lanes.py" line="+51"/>
        <source>nothing</source>
        <translation>ingenting</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{a} and {b}: {code}</source>
        <translation>{a} og {b}: {code}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Only {coder}: {code}</source>
        <translation>Bare {coder}: {code}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{a} vs {b}</source>
        <translation>{a} mot {b}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consensus</source>
        <translation>konsensus</translation>
    </message>
</context>
<context>
    <name>DiffPanel</name>
    <message>
        <location filename="../annotator/ui/compare/diff_panel.py" line="+37"/>
        <source>vs</source>
        <translation>mot</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>◀ Previous</source>
        <translation>◀ Forrige</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ▶</source>
        <translation>Neste ▶</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous disagreement (Alt+Up)</source>
        <translation>Forrige uenighet (Alt+Pil opp)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next disagreement (Alt+Down)</source>
        <translation>Neste uenighet (Alt+Pil ned)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only codes with differences</source>
        <translation>Bare koder med forskjeller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coder lanes</source>
        <translation>Koderspor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create consensus…</source>
        <translation>Opprett konsensus…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Session</source>
        <translation>Sesjon</translation>
    </message>
    <message>
        <location line="+283"/>
        <source>Give the consensus coder&apos;s id (initials).</source>
        <translation>Oppgi konsensuskoderens id (initialer).</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Still saving the previous change; try again in a moment.</source>
        <translation>Lagrer fortsatt forrige endring; prøv igjen om et øyeblikk.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Accept {coder}&apos;s version</source>
        <translation>Godta versjonen til {coder}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Consensus: by {coder}, 1 segment</source>
        <translation>Konsensus: av {coder}, 1 segment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consensus: by {coder}, {n} segments</source>
        <translation>Konsensus: av {coder}, {n} segmenter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consensus: loading…</source>
        <translation>Konsensus: laster…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consensus: none yet</source>
        <translation>Konsensus: ingen ennå</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>· resolved {done} of {total}</source>
        <translation>· avgjort {done} av {total}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disagreements of this pair in this session for which a version was accepted into the consensus</source>
        <translation>Uenigheter mellom dette paret i denne sesjonen der en versjon er godtatt i konsensus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Click a run in a diff lane to settle it.</source>
        <translation>Klikk på et avsnitt i et forskjellsspor for å avgjøre det.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no disagreements</source>
        <translation>ingen uenigheter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disagreement {k} of {n}</source>
        <translation>uenighet {k} av {n}</translation>
    </message>
</context>
<context>
    <name>EditingActions</name>
    <message>
        <location filename="../annotator/ui/window_editing.py" line="+47"/>
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
    <name>ExportDialog</name>
    <message>
        <location filename="../annotator/ui/export_dialog.py" line="+48"/>
        <source>Timeline CSV (one row per segment)</source>
        <translation>Tidslinje-CSV (én rad per segment)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time-sliced CSV (one row per slice)</source>
        <translation>CSV i tidsintervaller (én rad per intervall)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel-arbeidsbok (.xlsx)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPSS data file (.sav)</source>
        <translation>SPSS-datafil (.sav)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ELAN (.eaf), one file per session</source>
        <translation>ELAN (.eaf), én fil per sesjon</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>case {case}</source>
        <translation>case {case}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>session {session}</source>
        <translation>sesjon {session}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sessions {sessions}</source>
        <translation>sesjonene {sessions}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>coder {coder}</source>
        <translation>koder {coder}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrote 1 ELAN file ({rows} annotations){scope} to {target}: {names}</source>
        <translation>Skrev 1 ELAN-fil ({rows} annoteringer){scope} til {target}: {names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrote {n} ELAN files ({rows} annotations){scope} to {target}: {names}</source>
        <translation>Skrev {n} ELAN-filer ({rows} annoteringer){scope} til {target}: {names}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported {rows} slices, {ms} ms slices{scope} to {path}</source>
        <translation>Eksporterte {rows} intervaller à {ms} ms{scope} til {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported {rows} rows{scope} to {path}</source>
        <translation>Eksporterte {rows} rader{scope} til {path}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Export coded timelines</source>
        <translation>Eksporter kodede tidslinjer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Browse…</source>
        <translation>Bla gjennom…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All cases</source>
        <translation>Alle caser</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only this session (the CLI&apos;s --session CASE:N)</source>
        <translation>Bare denne sesjonen (kommandolinjens --session CASE:N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All coders</source>
        <translation>Alle kodere</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length of one time slice (the CLI&apos;s --resolution-ms)</source>
        <translation>Lengden på ett tidsintervall (kommandolinjens --resolution-ms)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+96"/>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Export</source>
        <translation>Eksporter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases:</source>
        <translation>Caser:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions:</source>
        <translation>Sesjoner:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coders:</source>
        <translation>Kodere:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slice length:</source>
        <translation>Intervallengde:</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>All sessions</source>
        <translation>Alle sesjoner</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Folder:</source>
        <translation>Mappe:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose where to write the export.</source>
        <translation>Velg hvor eksporten skal skrives.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writes {name} into {folder}.</source>
        <translation>Skriver {name} i {folder}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writes one .eaf per session (CASE_N.eaf) into {folder}.</source>
        <translation>Skriver én .eaf per sesjon (CASE_N.eaf) i {folder}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is a folder: add a file name.</source>
        <translation>{path} er en mappe: legg til et filnavn.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writes {path} (replaces the existing file).</source>
        <translation>Skriver {path} (erstatter den eksisterende filen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writes {path}.</source>
        <translation>Skriver {path}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Folder for the ELAN files</source>
        <translation>Mappe for ELAN-filene</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export to</source>
        <translation>Eksporter til</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <location filename="../annotator/ui/analysis/filters.py" line="+31"/>
        <source>Session and coder</source>
        <translation>Sesjon og koder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case (sessions pooled)</source>
        <translation>Case (sesjoner slått sammen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coder (sessions pooled)</source>
        <translation>Koder (sesjoner slått sammen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole selection</source>
        <translation>Hele utvalget</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Within each category</source>
        <translation>Innenfor hver kategori</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Across all codes</source>
        <translation>På tvers av alle koder</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Primary coding</source>
        <translation>Primærkoding</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consensus first, else primary</source>
        <translation>Konsensus først, ellers primær</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Adjusted residuals and Yule&apos;s Q are shown only where the expected count is at least this</source>
        <translation>Justerte residualer og Yules Q vises bare der forventet antall er minst dette</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compute</source>
        <translation>Beregn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the study…</source>
        <translation>Leser studien…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Coding that counts</source>
        <translation>Koding som teller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows per</source>
        <translation>Rader per</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequences</source>
        <translation>Sekvenser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min. expected</source>
        <translation>Min. forventet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels</source>
        <translation>Navnespråk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cases (none checked: all)</source>
        <translation>Caser (ingen avkrysset: alle)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session numbers (none checked: all)</source>
        <translation>Sesjonsnumre (ingen avkrysset: alle)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Coder {coder} (primary, else reliability)</source>
        <translation>Koder {coder} (primær, ellers reliabilitet)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Session {n}</source>
        <translation>Sesjon {n}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} case(s), session numbers {numbers}.</source>
        <translation>{n} case(r), sesjonsnumre {numbers}.</translation>
    </message>
</context>
<context>
    <name>FrameModel</name>
    <message>
        <location filename="../annotator/ui/analysis/table_model.py" line="+25"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session number</source>
        <translation>Sesjonsnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coder</source>
        <translation>Koder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coding purpose</source>
        <translation>Kodingens formål</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions pooled</source>
        <translation>Sesjoner slått sammen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category id</source>
        <translation>Kategori-id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code id</source>
        <translation>Kode-id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>Antall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total seconds</source>
        <translation>Sekunder totalt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% of session</source>
        <translation>% av sesjonen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate per 10 min</source>
        <translation>Rate per 10 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean bout (s)</source>
        <translation>Gjennomsnittlig episode (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SD bout (s)</source>
        <translation>SD episode (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median bout (s)</source>
        <translation>Median episode (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortest bout (s)</source>
        <translation>Korteste episode (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest bout (s)</source>
        <translation>Lengste episode (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First onset (s)</source>
        <translation>Første start (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session duration (s)</source>
        <translation>Sesjonens varighet (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration from</source>
        <translation>Varighet fra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds with any code</source>
        <translation>Sekunder med en kode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% with any code</source>
        <translation>% med en kode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds without</source>
        <translation>Sekunder uten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% without</source>
        <translation>% uten</translation>
    </message>
</context>
<context>
    <name>FrameTimes</name>
    <message>
        <location filename="../annotator/ui/player/timing.py" line="+25"/>
        <source>a video needs at least one frame</source>
        <translation>en video må ha minst ett bilde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>frame presentation times are not ascending</source>
        <translation>bildenes visningstider er ikke stigende</translation>
    </message>
</context>
<context>
    <name>GoToTimeDialog</name>
    <message>
        <location filename="../annotator/ui/window_navigation.py" line="+55"/>
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
        <location filename="../annotator/ui/keyboard_help.py" line="+144"/>
        <source>No user manual</source>
        <extracomment>where the built manual is (None: the one of this copy, manual.MANUAL_DIR)</extracomment>
        <translation>Ingen brukerhåndbok</translation>
    </message>
</context>
<context>
    <name>InterfaceLanguageMenu</name>
    <message>
        <location filename="../annotator/ui/window_menus.py" line="+173"/>
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
        <location filename="../annotator/ui/keyboard_help.py" line="-108"/>
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
        <location line="+14"/>
        <source>Keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <location line="+21"/>
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
        <location filename="../annotator/ui/session_keeper.py" line="-86"/>
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
        <location line="+4"/>
        <source>{n} codes are still being recorded: {codes}.</source>
        <translation>{n} koder registreres fortsatt: {codes}.</translation>
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
    <name>Legend</name>
    <message>
        <location filename="../annotator/ui/compare/diff_panel.py" line="-551"/>
        <source>both code it</source>
        <translation>begge koder det</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different codes (exclusive category)</source>
        <translation>ulike koder (eksklusiv kategori)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only one coder codes it</source>
        <translation>bare én koder koder det</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Diff lane colours. Consensus lanes use the code&apos;s colour.</source>
        <translation>Fargene i forskjellssporene. Konsensusspor bruker kodens farge.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../annotator/ui/main_window.py" line="+83"/>
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
        <location line="+156"/>
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
        <location filename="../annotator/ui/manual.py" line="+40"/>
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
        <location filename="../annotator/ui/window_menus.py" line="-149"/>
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
        <location filename="../annotator/ui/window_navigation.py" line="+70"/>
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
    <name>OpenCheck</name>
    <message>
        <location filename="../annotator/ui/open_check.py" line="+38"/>
        <source>Checking the study</source>
        <translation>Kontrollerer studien</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Checking {name} for damage
(reading every page once; Skip to check later)</source>
        <translation>Kontrollerer {name} for skade
(leser hver side én gang; Hopp over for å kontrollere senere)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skip</source>
        <translation>Hopp over</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The integrity check was skipped: run `annotator check` on the study, or open it again, to check it.</source>
        <translation>Integritetskontrollen ble hoppet over: kjør `annotator check` på studien, eller åpne den igjen, for å kontrollere den.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The study is damaged</source>
        <translation>Studien er skadet</translation>
    </message>
</context>
<context>
    <name>PlayerActions</name>
    <message>
        <location filename="../annotator/ui/player/actions.py" line="+59"/>
        <location line="+65"/>
        <source>Play</source>
        <extracomment>Every key the player uses, as ``QKeySequence`` portable text.</extracomment>
        <translation>Spill av</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Shuttle backwards (frame by frame)</source>
        <translation>Spol bakover (bilde for bilde)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause shuttle</source>
        <translation>Stopp spolingen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shuttle forwards (1x, 1.5x, 2x)</source>
        <translation>Spol forover (1x, 1,5x, 2x)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous frame</source>
        <translation>Forrige bilde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next frame</source>
        <translation>Neste bilde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back 1 second</source>
        <translation>1 sekund tilbake</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forward 1 second</source>
        <translation>1 sekund fram</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back 5 seconds</source>
        <translation>5 sekunder tilbake</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forward 5 seconds</source>
        <translation>5 sekunder fram</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to start</source>
        <translation>Gå til starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to end</source>
        <translation>Gå til slutten</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
</context>
<context>
    <name>PlayerController</name>
    <message>
        <location filename="../annotator/ui/player/controller.py" line="+362"/>
        <source>Indexing video frames</source>
        <extracomment>Speeds offered in the speed box. Forward shuttle (L) speeds, in order. Reverse shuttle (J) step intervals in ms: about 8, 12.5 and 25 frames per second. Throttle for ``positionChanged`` during playback (about 30 Hz). Stills are decoded at most this size (a 4K video is scaled down; saves cache memory). Decoded-frame cache for frame-exact stepping: about 58 frames of 1280x720. Stepping back past it decodes the run from the previous key frame again (bench/frames.py). During playback a frame on screen at most this far ahead of the clock gives the position. How long QtMultimedia may take to open a file before loading counts as failed. An audio-only recording has no frames: stepping moves by this much (and times snap to it). How long to wait for QtMultimedia&apos;s first frame, which tells where the video starts on the playback timeline; without it the video is taken to start at 0.</extracomment>
        <translation>Indekserer videobildene</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Cannot open &apos;{name}&apos;: it is not a readable video file ({error}).</source>
        <translation>Kan ikke åpne «{name}»: det er ikke en lesbar videofil ({error}).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot play &apos;{name}&apos;: Qt Multimedia finds no sound in it that it can decode.</source>
        <translation>Kan ikke spille av «{name}»: Qt Multimedia finner ingen lyd i den som den kan dekode.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot play &apos;{name}&apos;: Qt Multimedia finds no video stream it can decode.</source>
        <translation>Kan ikke spille av «{name}»: Qt Multimedia finner ingen videostrøm som den kan dekode.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Playback of &apos;{name}&apos; failed: {error}</source>
        <translation>Avspillingen av «{name}» mislyktes: {error}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot play &apos;{name}&apos;: Qt Multimedia did not open it in time.</source>
        <translation>Kan ikke spille av «{name}»: Qt Multimedia åpnet den ikke i tide.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown</source>
        <translation>ukjent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot play &apos;{name}&apos;: Qt Multimedia cannot decode it (codec {codec}): {error}.</source>
        <translation>Kan ikke spille av «{name}»: Qt Multimedia kan ikke dekode den (kodek {codec}): {error}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown error</source>
        <translation>ukjent feil</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>video</source>
        <translation>video</translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <location filename="../annotator/ui/player/widget.py" line="+14"/>
        <source>No video</source>
        <translation>Ingen video</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio-only recording: no picture. Play, pause and code as usual.</source>
        <translation>Opptak med bare lyd: uten bilde. Spill av, sett på pause og kod som vanlig.</translation>
    </message>
</context>
<context>
    <name>ReliabilityBands</name>
    <message>
        <location filename="../annotator/ui/compare/tables.py" line="-147"/>
        <source>poor</source>
        <translation>dårlig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>slight</source>
        <translation>svak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fair</source>
        <translation>rimelig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moderate</source>
        <translation>moderat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>substantial</source>
        <translation>betydelig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>almost perfect</source>
        <translation>nesten perfekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreliable</source>
        <translation>upålitelig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tentative</source>
        <translation>foreløpig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reliable</source>
        <translation>pålitelig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>good</source>
        <translation>god</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>excellent</source>
        <translation>utmerket</translation>
    </message>
</context>
<context>
    <name>SegmentTable</name>
    <message>
        <location filename="../annotator/ui/segment_table.py" line="+92"/>
        <source>Filter by code, note or coder</source>
        <extracomment>px of the Code column that are not label text: colour chip, its gap and margins the most lines a code label is wrapped into in the segment table</extracomment>
        <translation>Filtrer etter kode, notat eller koder</translation>
    </message>
    <message>
        <location line="+252"/>
        <source>{total} segment</source>
        <translation>{total} segment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{total} segments</source>
        <translation>{total} segmenter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{shown} of {total} segment</source>
        <translation>{shown} av {total} segment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{shown} of {total} segments</source>
        <translation>{shown} av {total} segmenter</translation>
    </message>
</context>
<context>
    <name>SegmentTableModel</name>
    <message>
        <location filename="../annotator/ui/segment_table_model.py" line="+66"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>Slutt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Varighet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <location line="+321"/>
        <source>not in codebook</source>
        <translation>ikke i kodeboken</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>recording</source>
        <translation>registreres</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>point</source>
        <translation>punkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The code {code} is not in this codebook.</source>
        <translation>Koden {code} finnes ikke i denne kodeboken.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Coder {coder}</source>
        <translation>Koder {coder}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A point code has no end.</source>
        <translation>En punktkode har ingen slutt.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Enter a start time: seconds (12.345) or HH:MM:SS.mmm.</source>
        <translation>Skriv inn en starttid: sekunder (12.345) eller HH:MM:SS.mmm.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter an end time: seconds (12.345) or HH:MM:SS.mmm.</source>
        <translation>Skriv inn en sluttid: sekunder (12.345) eller HH:MM:SS.mmm.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invalid start time: {error}</source>
        <translation>Ugyldig starttid: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid end time: {error}</source>
        <translation>Ugyldig sluttid: {error}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The start {start} would be after the end {end}.</source>
        <translation>Starten {start} ville komme etter slutten {end}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The end {end} would be before the start {start}.</source>
        <translation>Slutten {end} ville komme før starten {start}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unknown code {code}: it is not in the codebook.</source>
        <translation>Ukjent kode {code}: den finnes ikke i kodeboken.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{label} is a point code; a segment with a duration cannot take it.</source>
        <translation>{label} er en punktkode; et segment med varighet kan ikke få den.</translation>
    </message>
</context>
<context>
    <name>SessionKeeper</name>
    <message>
        <location filename="../annotator/ui/main_window.py" line="-89"/>
        <source>open another study</source>
        <translation>åpner en annen studie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>close the study</source>
        <translation>lukker studien</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>switch coder</source>
        <translation>bytter koder</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>switch to another session</source>
        <translation>bytter til en annen sesjon</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>quit</source>
        <translation>avslutter</translation>
    </message>
    <message>
        <location filename="../annotator/ui/session_keeper.py" line="-37"/>
        <source>leave this session</source>
        <extracomment>What the window is about to do, for &quot;Before you …&quot; (marked for translation; see may_leave)</extracomment>
        <translation>forlater denne sesjonen</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>HOLD</source>
        <translation>HOLD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold mode: a code records only while its key is held down. Press H to turn it off.</source>
        <translation>Holdemodus: en kode registreres bare mens tasten holdes nede. Trykk H for å slå den av.</translation>
    </message>
    <message>
        <location line="+154"/>
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
        <location filename="../annotator/ui/window_media.py" line="+16"/>
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
    <name>SessionViews</name>
    <message>
        <location filename="../annotator/ui/session_views.py" line="+69"/>
        <source>{coder} (read only)</source>
        <translation>{coder} (skrivebeskyttet)</translation>
    </message>
</context>
<context>
    <name>SetupPanel</name>
    <message>
        <location filename="../annotator/ui/compare/setup_panel.py" line="+46"/>
        <source>Check two or more codings. A coder&apos;s re-coding, checked together with the coder, compares them with themself (intra-rater drift).</source>
        <translation>Kryss av for to eller flere kodinger. En koders omkoding, avkrysset sammen med koderen, sammenligner koderen med seg selv (drift hos samme koder).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sessions that every checked coder coded</source>
        <translation>Sesjoner som alle avkryssede kodere har kodet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>exact durations</source>
        <translation>eksakte varigheter</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>0: exact durations; otherwise slices of this many ms</source>
        <translation>0: eksakte varigheter; ellers tidsintervaller på så mange ms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How far apart two point codes may be and still be linked</source>
        <translation>Hvor langt fra hverandre to punktkoder kan være og fortsatt kobles</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>codebook&apos;s language</source>
        <translation>kodebokens språk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language of the code and category labels in the results</source>
        <translation>Språket for kode- og kategorinavnene i resultatene</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no intervals</source>
        <translation>ingen intervaller</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bootstrap resamples over sessions for 95% intervals</source>
        <translation>Bootstrap-utvalg over sesjoner for 95 %-konfidensintervaller</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compute</source>
        <translation>Beregn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Coders</source>
        <translation>Kodere</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions</source>
        <translation>Sesjoner</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Options</source>
        <translation>Valg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolution</source>
        <translation>Oppløsning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point tolerance</source>
        <translation>Punkttoleranse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bootstrap</source>
        <translation>Bootstrap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels</source>
        <translation>Navnespråk</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Loading the study…</source>
        <translation>Laster studien…</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Check two codings.</source>
        <translation>Kryss av for to kodinger.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No session in common.</source>
        <translation>Ingen felles sesjon.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{k} of {n} in common</source>
        <translation>{k} av {n} felles</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../annotator/ui/app.py" line="+76"/>
        <source>Welcome to annotator</source>
        <translation>Velkommen til annotator</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../annotator/ui/start_page.py" line="+38"/>
        <source>Code recorded therapy sessions, compare coders, export coded timelines. Every edit is saved the moment you make it.</source>
        <translation>Kod opptak av terapisesjoner, sammenlign kodere, eksporter kodede tidslinjer. Hver endring lagres i det øyeblikket du gjør den.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New study…</source>
        <translation>Ny studie…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a study file with a codebook (Ctrl+N)</source>
        <translation>Opprett en studiefil med en kodebok (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open study…</source>
        <translation>Åpne studie…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open an existing .annot study (Ctrl+O)</source>
        <translation>Åpne en eksisterende .annot-studie (Ctrl+O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the demo</source>
        <translation>Åpne demoen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nine cases × five short sessions with codings by two coders</source>
        <translation>Ni caser × fem korte sesjoner med kodinger fra to kodere</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Double-click to open</source>
        <translation>Dobbeltklikk for å åpne</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recent studies</source>
        <translation>Nylige studier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No recent studies yet.</source>
        <translation>Ingen nylige studier ennå.</translation>
    </message>
</context>
<context>
    <name>StillLoader</name>
    <message>
        <location filename="../annotator/ui/player/still.py" line="+136"/>
        <source>Could not decode frame {index}: {error}</source>
        <translation>Kunne ikke dekode bilde {index}: {error}</translation>
    </message>
</context>
<context>
    <name>StudyActions</name>
    <message>
        <location filename="../annotator/ui/window_study.py" line="+92"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{task}: cancelled.</source>
        <translation>{task}: avbrutt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>switch to coder {coder} (Coding ▸ Switch coder…)</source>
        <translation>bytt til koder {coder} (Koding ▸ Bytt koder…)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot code as {coder}</source>
        <translation>Kan ikke kode som {coder}</translation>
    </message>
    <message>
        <location line="+13"/>
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
        <location line="+248"/>
        <source>Coder:</source>
        <translation>Koder:</translation>
    </message>
    <message>
        <location line="-243"/>
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
        <location line="+41"/>
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
        <location line="+4"/>
        <source>1 session assigned to {coder} for blind reliability coding:</source>
        <translation>1 sesjon tildelt {coder} for blind reliabilitetskoding:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} sessions assigned to {coder} for blind reliability coding:</source>
        <translation>{n} sesjoner tildelt {coder} for blind reliabilitetskoding:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reliability planned</source>
        <translation>Reliabilitet planlagt</translation>
    </message>
    <message>
        <location line="+12"/>
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
    <name>StudyBrowser</name>
    <message>
        <location filename="../annotator/ui/study_browser.py" line="+96"/>
        <source>submitted</source>
        <translation>levert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>påbegynt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>assigned</source>
        <translation>tildelt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>primary</source>
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
        <location line="+490"/>
        <source>Filter: case, coder, status</source>
        <translation>Filtrer: case, koder, status</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Open session</source>
        <translation>Åpne sesjon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relink media…</source>
        <translation>Koble til opptaket på nytt…</translation>
    </message>
</context>
<context>
    <name>StudyBrowserModel</name>
    <message>
        <location line="-453"/>
        <source>Session {number}</source>
        <translation>Sesjon {number}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date {date}</source>
        <translation>Dato {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duration {duration} (no media: duration only)</source>
        <translation>Varighet {duration} (uten opptak: bare varighet)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Duration {duration}</source>
        <translation>Varighet {duration}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No coder assigned</source>
        <translation>Ingen koder tildelt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>media missing: {path}</source>
        <translation>opptaket mangler: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>media: {path} (not checked yet)</source>
        <translation>opptak: {path} (ikke kontrollert ennå)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>media missing</source>
        <translation>opptaket mangler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no media</source>
        <translation>uten opptak</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{n} session</source>
        <translation>{n} sesjon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} sessions</source>
        <translation>{n} sesjoner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{done}/{total} submitted</source>
        <translation>{done}/{total} levert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case {case}: {detail}</source>
        <translation>Case {case}: {detail}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} session with missing media</source>
        <translation>{n} sesjon med manglende opptak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} sessions with missing media</source>
        <translation>{n} sesjoner med manglende opptak</translation>
    </message>
</context>
<context>
    <name>StudyLock</name>
    <message>
        <location filename="../annotator/ui/instance_lock.py" line="+37"/>
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
    <name>SubmitDialog</name>
    <message>
        <location filename="../annotator/ui/submit_dialog.py" line="+12"/>
        <source>reliability</source>
        <translation>reliabilitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consensus</source>
        <translation>konsensus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Submit this coding?</source>
        <translation>Levere denne kodingen?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Submit your coding of {case} session {number}{purpose}, with {n} segment?</source>
        <translation>Levere kodingen din av {case} sesjon {number}{purpose}, med {n} segment?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Submit your coding of {case} session {number}{purpose}, with {n} segments?</source>
        <translation>Levere kodingen din av {case} sesjon {number}{purpose}, med {n} segmenter?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Submitting marks it as done and locks it against changes. You can reopen it later (Coding ▸ Reopen session); reopening is logged.</source>
        <translation>Når du leverer, blir kodingen merket som ferdig og låst mot endringer. Du kan åpne den igjen senere (Koding ▸ Åpne sesjon igjen); det skrives i loggen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Submit</source>
        <translation>Lever</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <location filename="../annotator/ui/timeline/canvas.py" line="+305"/>
        <source>edge must be &apos;start&apos; or &apos;end&apos;, not {edge}</source>
        <extracomment>page the view to keep the playhead in it while it moves (View ▸ Follow)</extracomment>
        <translation>kanten må være &apos;start&apos; eller &apos;end&apos;, ikke {edge}</translation>
    </message>
    <message>
        <location line="+215"/>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Split at playhead</source>
        <translation>Del ved avspillingsposisjonen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit note…</source>
        <translation>Rediger notat…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>[key {key}]</source>
        <translation>[tast {key}]</translation>
    </message>
</context>
<context>
    <name>TimelineDemo</name>
    <message>
        <location filename="../annotator/ui/timeline/demo.py" line="+22"/>
        <source>Implicit helper maneuvers</source>
        <translation>Implisitte hjelpemanøvrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being responsive</source>
        <translation>Være responsiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirming the child</source>
        <translation>Bekrefte barnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taking part in play</source>
        <translation>Delta i lek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exploring intentions</source>
        <translation>Utforske intensjoner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attributing meaning</source>
        <translation>Attribuere mening</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Manifest helper maneuvers</source>
        <translation>Manifeste hjelpemanøvrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the child comes</source>
        <translation>Hvorfor barnet kommer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Difficult experiences</source>
        <translation>Vanskelige opplevelser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Help through play</source>
        <translation>Hjelp gjennom lek</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing care</source>
        <translation>Vise omsorg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concrete help</source>
        <translation>Konkret hjelp</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Helper maneuvers</source>
        <translation>Hjelpemanøvrer</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>child looks up</source>
        <translation>barnet ser opp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>therapist leans in</source>
        <translation>terapeuten lener seg fram</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ambiguous: check with B</source>
        <translation>tvetydig: sjekk med B</translation>
    </message>
</context>
<context>
    <name>TimelineLabels</name>
    <message>
        <location filename="../annotator/ui/timeline/labels.py" line="+14"/>
        <source>coders agree</source>
        <translation>koderne er enige</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>coders disagree</source>
        <translation>koderne er uenige</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>coded by one coder only</source>
        <translation>kodet av bare én koder</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{time} (point)</source>
        <translation>{time} (punkt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duration {duration}</source>
        <translation>Varighet {duration}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coder {coder}</source>
        <translation>Koder {coder}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note: {note}</source>
        <translation>Notat: {note}</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../annotator/ui/timeline/model.py" line="+194"/>
        <source>duplicate lane id {id}</source>
        <translation>rad-id {id} finnes to ganger</translation>
    </message>
</context>
<context>
    <name>TimelineOverview</name>
    <message>
        <location filename="../annotator/ui/timeline/overview.py" line="+62"/>
        <source>Whole session: drag the blue window to scroll the timeline</source>
        <translation>Hele sesjonen: dra det blå vinduet for å rulle tidslinjen</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Session  {duration}</source>
        <translation>Sesjon  {duration}</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <location filename="../annotator/ui/player/transport.py" line="+85"/>
        <source>Seek (click or drag)</source>
        <extracomment>Minimum time between label/slider updates during playback.</extracomment>
        <translation>Gå til posisjon (klikk eller dra)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Position / duration (hours:minutes:seconds.milliseconds)</source>
        <translation>Posisjon / varighet (timer:minutter:sekunder.millisekunder)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Frame shown (counted from 0) / number of frames</source>
        <translation>Bildet som vises (telt fra 0) / antall bilder</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Playback speed (L speeds up; sound keeps its pitch)</source>
        <translation>Avspillingshastighet (L øker farten; lyden beholder tonehøyden)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+110"/>
        <source>Mute</source>
        <translation>Lyd av</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>Volume</source>
        <translation>Volum</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Speed</source>
        <translation>Hastighet</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>audio only</source>
        <translation>bare lyd</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>frame {index} / {count}</source>
        <translation>bilde {index} / {count}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unmute</source>
        <translation>Lyd på</translation>
    </message>
</context>
<context>
    <name>WaveformLane</name>
    <message>
        <location filename="../annotator/ui/timeline/waveform.py" line="+30"/>
        <source>Sound</source>
        <translation>Lyd</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The recording&apos;s sound (loudest level per moment); click to go there</source>
        <translation>Lyden i opptaket (høyeste nivå per øyeblikk); klikk for å gå dit</translation>
    </message>
</context>
<context>
    <name>WindowStatus</name>
    <message>
        <location filename="../annotator/ui/window_status.py" line="+20"/>
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
        <location filename="../annotator/ui/workspace.py" line="+46"/>
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
        <location line="+73"/>
        <source>Study already open</source>
        <extracomment>the open session&apos;s segments (the coder&apos;s own) and the selection: the one in-memory copy, which the controller writes and the timeline and table show the labels&apos; language asked for (interface or Code language), shown when the open codebook has it</extracomment>
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
<context>
    <name>_CategoryHeader</name>
    <message>
        <location filename="../annotator/ui/codebook_panel.py" line="-304"/>
        <source>At most one code of this category at a time.</source>
        <translation>Høyst én kode fra denne kategorien om gangen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Codes of this category may overlap.</source>
        <translation>Koder i denne kategorien kan overlappe.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exclusive</source>
        <translation>eksklusiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>non-exclusive</source>
        <translation>ikke-eksklusiv</translation>
    </message>
</context>
<context>
    <name>_CodeRow</name>
    <message>
        <location line="+156"/>
        <source>point</source>
        <translation>punkt</translation>
    </message>
</context>
</TS>
