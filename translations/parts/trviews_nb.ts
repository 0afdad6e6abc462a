<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb">
<context>
    <name>CodeComboDelegate</name>
    <message>
        <location filename="../../annotator/ui/segment_table.py" line="+620"/>
        <source>A point code cannot replace a code with a duration.</source>
        <translation>En punktkode kan ikke erstatte en kode med varighet.</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <location filename="../../annotator/ui/codebook_panel.py" line="+62"/>
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
    <name>DefinitionPane</name>
    <message>
        <location filename="../../annotator/ui/definition_pane.py" line="+17"/>
        <source>Hover over a code in the Codes panel, or select a segment, to read its definition and examples here.</source>
        <translation>Hold musepekeren over en kode i Koder-panelet, eller velg et segment, for å lese definisjonen og eksemplene her.</translation>
    </message>
</context>
<context>
    <name>FrameTimes</name>
    <message>
        <location filename="../../annotator/ui/player/timing.py" line="+25"/>
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
    <name>OpenCheck</name>
    <message>
        <location filename="../../annotator/ui/open_check.py" line="+38"/>
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
        <location filename="../../annotator/ui/player/actions.py" line="+59"/>
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
        <location filename="../../annotator/ui/player/controller.py" line="+362"/>
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
        <location filename="../../annotator/ui/player/widget.py" line="+14"/>
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
    <name>SegmentTable</name>
    <message>
        <location filename="../../annotator/ui/segment_table.py" line="+92"/>
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
        <location line="-867"/>
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
    <name>StartPage</name>
    <message>
        <location filename="../../annotator/ui/start_page.py" line="+38"/>
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
        <location filename="../../annotator/ui/player/still.py" line="+136"/>
        <source>Could not decode frame {index}: {error}</source>
        <translation>Kunne ikke dekode bilde {index}: {error}</translation>
    </message>
</context>
<context>
    <name>StudyBrowser</name>
    <message>
        <location filename="../../annotator/ui/study_browser.py" line="+96"/>
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
    <name>SubmitDialog</name>
    <message>
        <location filename="../../annotator/ui/submit_dialog.py" line="+12"/>
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
        <translation>Når du leverer, blir kodingen merket som ferdig og låst mot endringer. Du kan åpne den igjen senere (Koding ▸ Åpne sesjonen igjen); det skrives i loggen.</translation>
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
        <location filename="../../annotator/ui/timeline/canvas.py" line="+305"/>
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
        <location filename="../../annotator/ui/timeline/demo.py" line="+22"/>
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
        <location filename="../../annotator/ui/timeline/labels.py" line="+14"/>
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
        <location filename="../../annotator/ui/timeline/model.py" line="+194"/>
        <source>duplicate lane id {id}</source>
        <translation>rad-id {id} finnes to ganger</translation>
    </message>
</context>
<context>
    <name>TimelineOverview</name>
    <message>
        <location filename="../../annotator/ui/timeline/overview.py" line="+62"/>
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
        <location filename="../../annotator/ui/player/transport.py" line="+85"/>
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
        <location filename="../../annotator/ui/timeline/waveform.py" line="+30"/>
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
    <name>_CategoryHeader</name>
    <message>
        <location filename="../../annotator/ui/codebook_panel.py" line="-304"/>
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
