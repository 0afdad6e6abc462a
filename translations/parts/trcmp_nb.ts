<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb">
<context>
    <name>AnalysisData</name>
    <message>
        <location filename="../../annotator/ui/analysis/data.py" line="+112"/>
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
        <location filename="../../annotator/ui/analysis/header.py" line="+19"/>
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
        <location filename="../../annotator/ui/analysis/data.py" line="-99"/>
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
        <location filename="../../annotator/ui/analysis/window.py" line="+44"/>
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
        <location line="+46"/>
        <source>Wrote {n} figure(s) to {folder}.</source>
        <translation>Skrev {n} figur(er) til {folder}.</translation>
    </message>
    <message>
        <location line="-40"/>
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
        <location line="+14"/>
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
    <name>CoderChoice</name>
    <message>
        <location filename="../../annotator/ui/compare/data.py" line="+60"/>
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
    <name>CompareData</name>
    <message>
        <location line="+98"/>
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
        <location filename="../../annotator/ui/compare/notes.py" line="+19"/>
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
        <location filename="../../annotator/ui/compare/tables.py" line="+51"/>
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
        <location filename="../../annotator/ui/compare/window.py" line="+68"/>
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
        <location line="+14"/>
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
        <location filename="../../annotator/ui/compare/heatmap.py" line="+53"/>
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
        <location filename="../../annotator/ui/compare/diff_panel.py" line="+132"/>
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
    <name>DiffLanes</name>
    <message>
        <location filename="../../annotator/ui/compare/lanes.py" line="+51"/>
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
        <location filename="../../annotator/ui/compare/diff_panel.py" line="+37"/>
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
    <name>FilterPanel</name>
    <message>
        <location filename="../../annotator/ui/analysis/filters.py" line="+31"/>
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
        <location line="+11"/>
        <source>{n} case(s), session numbers {numbers}.</source>
        <translation>{n} case(r), sesjonsnumre {numbers}.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>none</source>
        <translation>ingen</translation>
    </message>
</context>
<context>
    <name>FrameModel</name>
    <message>
        <location filename="../../annotator/ui/analysis/table_model.py" line="+25"/>
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
    <name>Legend</name>
    <message>
        <location filename="../../annotator/ui/compare/diff_panel.py" line="-550"/>
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
    <name>ReliabilityBands</name>
    <message>
        <location filename="../../annotator/ui/compare/tables.py" line="-147"/>
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
    <name>SetupPanel</name>
    <message>
        <location filename="../../annotator/ui/compare/setup_panel.py" line="+46"/>
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
</TS>
