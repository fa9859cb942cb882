<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AlphaSlider</name>
    <message>
        <source>&amp;Logarithmic</source>
        <translation>&amp;Logarithmisch</translation>
    </message>
    <message>
        <source>Li&amp;near</source>
        <translation>Li&amp;near</translation>
    </message>
    <message>
        <source>Up to 0.&amp;3</source>
        <translation>Bis 0.&amp;3</translation>
    </message>
    <message>
        <source>Up to &amp;1</source>
        <translation>Bis &amp;1</translation>
    </message>
    <message>
        <source>Up to 1&amp;0</source>
        <translation>Bis 1&amp;0</translation>
    </message>
    <message>
        <source>logarithmic</source>
        <translation>logarithmisch</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>linear</translation>
    </message>
    <message>
        <source>Alpha slider</source>
        <extracomment>The slider (or Play) went to this exact alpha. Play started (True) or stopped (False).</extracomment>
        <translation>Alpha-Schieberegler</translation>
    </message>
    <message>
        <source>Alpha sli&amp;der:</source>
        <translation>Alpha-Sch&amp;ieberegler:</translation>
    </message>
    <message>
        <source>Play the alpha slider</source>
        <translation>Alpha-Schieberegler abspielen</translation>
    </message>
    <message>
        <source>Slider &amp;Scale and Range</source>
        <extracomment>Scale and range choices (radio items), shown in the Alpha menu and on right-click.</extracomment>
        <translation>&amp;Skala und Bereich des Schiebereglers</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Skala</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Slide alpha over {range}: every position an exact decimal of at most 3 digits, set in the Alpha box as if typed.
Arrows, Page Up/Down, Home and End move it; right-click (or the Alpha menu) for the scale and range.</source>
        <translation>Alpha über {range} verschieben: jede Position eine exakte Dezimalzahl mit höchstens 3 Ziffern, ins Alpha-Feld gesetzt wie getippt.
Pfeile, Bild auf/ab, Pos1 und Ende bewegen ihn; Rechtsklick (oder das Alpha-Menü) für Skala und Bereich.</translation>
    </message>
</context>
<context>
    <name>ComparisonPanel</name>
    <message>
        <source>Show or hide the curve for {alpha}</source>
        <translation>Kurve für {alpha} zeigen oder ausblenden</translation>
    </message>
    <message>
        <source>Remove {alpha} from the comparison</source>
        <translation>{alpha} aus dem Vergleich entfernen</translation>
    </message>
    <message>
        <source>Remove {alpha}</source>
        <translation>{alpha} entfernen</translation>
    </message>
    <message>
        <source>Compare alphas</source>
        <translation>Alphas vergleichen</translation>
    </message>
    <message>
        <source>&amp;Pin Current Alpha</source>
        <translation>Aktuelles Alpha an&amp;pinnen</translation>
    </message>
    <message>
        <source>Pin current alpha</source>
        <translation>Aktuelles Alpha anpinnen</translation>
    </message>
    <message>
        <source>Keep the current alpha on the plot as an extra curve (Ctrl+P)</source>
        <translation>Das aktuelle Alpha als zusätzliche Kurve im Diagramm behalten (Strg+P)</translation>
    </message>
    <message>
        <source>Pinned alphas: tick to show, ✕ to remove</source>
        <translation>Angepinnte Alphas: Haken zum Zeigen, ✕ zum Entfernen</translation>
    </message>
    <message>
        <source>Pinned alphas</source>
        <translation>Angepinnte Alphas</translation>
    </message>
    <message>
        <source>{alpha} is pinned already.</source>
        <translation>{alpha} ist bereits angepinnt.</translation>
    </message>
    <message>
        <source>At most {count} alphas can be pinned; remove one first.</source>
        <translation>Höchstens {count} Alphas lassen sich anpinnen; zuerst eines entfernen.</translation>
    </message>
</context>
<context>
    <name>CrosshairReadout</name>
    <message>
        <source>{curve} = beyond ±1.8e308</source>
        <extracomment>The readout&apos;s text (&apos;&apos; when the mouse leaves the view).</extracomment>
        <translation>{curve} = jenseits von ±1.8e308</translation>
    </message>
</context>
<context>
    <name>DecimalSpinBox</name>
    <message>
        <source>a whole number from {low} to {high}, digits only</source>
        <translation>eine ganze Zahl von {low} bis {high}, nur Ziffern</translation>
    </message>
    <message>
        <source> (or &apos;,&apos;)</source>
        <translation> (oder &apos;,&apos;)</translation>
    </message>
    <message>
        <source>, except 0</source>
        <translation>, außer 0</translation>
    </message>
    <message>
        <source>any decimal within the doubles (±1.8e308){zero}; &apos;.&apos;{comma} as the decimal point, 1e-3 style exponents</source>
        <translation>jede Dezimalzahl im Bereich der Doubles (±1.8e308){zero}; &apos;.&apos;{comma} als Dezimaltrennzeichen, Exponenten wie 1e-3</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Export Sweep as CSV</source>
        <extracomment>A line for the status bar and how long to show it in ms (0: until the next one). Plot images in the screen&apos;s colours; by default they are light, ready to print. Where the last file went; the save dialogs open there. &apos;&apos; for the home folder.</extracomment>
        <translation>Durchlauf als CSV exportieren</translation>
    </message>
    <message>
        <source>Export Values as CSV</source>
        <translation>Werte als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Exporting CSV</source>
        <translation>CSV wird exportiert</translation>
    </message>
    <message>
        <source>Writing {count} rows to {file}…</source>
        <translation>{count} Zeilen werden in {file} geschrieben…</translation>
    </message>
    <message>
        <source>Exported {count} rows to {file}</source>
        <translation>{count} Zeilen nach {file} exportiert</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written or changed.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben oder geändert.</translation>
    </message>
    <message>
        <source>Exporting {count} rows to {file}…</source>
        <translation>{count} Zeilen werden nach {file} exportiert…</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Ein Export läuft bereits.</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>die Datei</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Export fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Export Plot Image</source>
        <translation>Diagramm als Bild exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>Saved the plot to {file}</source>
        <translation>Diagramm in {file} gespeichert</translation>
    </message>
    <message>
        <source>Copied the plot image.</source>
        <translation>Diagrammbild kopiert.</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>Could not write {file}:
{reason}

No file was changed.</source>
        <translation>{file} konnte nicht geschrieben werden:
{reason}

Es wurde keine Datei geändert.</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>Exportieren...</translation>
    </message>
</context>
<context>
    <name>InfoPanel</name>
    <message>
        <source>Sweep info</source>
        <translation>Durchlauf-Info</translation>
    </message>
    <message>
        <source>Sweep info per curve</source>
        <translation>Durchlauf-Info je Kurve</translation>
    </message>
    <message>
        <source>Each visible curve&apos;s f range over the sweep and its Kaiming gain</source>
        <translation>Wertebereich von f jeder sichtbaren Kurve über den Durchlauf und ihr Kaiming-Gain</translation>
    </message>
    <message>
        <source>curve</source>
        <translation>Kurve</translation>
    </message>
    <message>
        <source>f range</source>
        <translation>f-Bereich</translation>
    </message>
    <message>
        <source>Kaiming gain</source>
        <translation>Kaiming-Gain</translation>
    </message>
    <message>
        <source>f range over the sweep, and the He/Kaiming gain sqrt(2 / (1 + alpha^2))</source>
        <translation>f-Bereich über den Durchlauf und das He/Kaiming-Gain sqrt(2 / (1 + alpha^2))</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} bis {high}</translation>
    </message>
    <message>
        <source>no finite x</source>
        <translation>kein endliches x</translation>
    </message>
    <message>
        <source>x range: {span} ({count} points)
Zero crossing: {crossing}</source>
        <translation>x-Bereich: {span} ({count} Punkte)
Nulldurchgang: {crossing}</translation>
    </message>
    <message>
        <source>x range: {span} ({values})</source>
        <translation>x-Bereich: {span} ({values})</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>angepinnt</translation>
    </message>
    <message>
        <source>No mean and spread of f: {reason}</source>
        <translation>Kein Mittelwert und keine Streuung von f: {reason}</translation>
    </message>
    <message>
        <source>Working out the mean and spread of f…</source>
        <translation>Mittelwert und Streuung von f werden berechnet…</translation>
    </message>
    <message>
        <source>{values}, {share} at or below 0</source>
        <translation>{values}, {share} bei oder unter 0</translation>
    </message>
    <message>
        <source>; {nan} NaN, {inf} infinite</source>
        <translation>; {nan} NaN, {inf} unendlich</translation>
    </message>
    <message>
        <source>mean, std of the finite f (float64 sums):</source>
        <translation>Mittelwert, Standardabweichung der endlichen f (float64-Summen):</translation>
    </message>
    <message>
        <source>{count} value</source>
        <translation>{count} Wert</translation>
    </message>
    <message>
        <source>{count} values</source>
        <comment>the count is 0</comment>
        <translation>{count} Werte</translation>
    </message>
    <message>
        <source>{count} values</source>
        <translation>{count} Werte</translation>
    </message>
    <message>
        <source>none (the sweep stays on one side of 0)</source>
        <translation>keiner (der Durchlauf bleibt auf einer Seite von 0)</translation>
    </message>
</context>
<context>
    <name>InputsPanel</name>
    <message>
        <source>Sweep  x_i = start + i*step,  i = 0 .. count-1</source>
        <translation>Durchlauf  x_i = Start + i*Schrittweite,  i = 0 .. Anzahl-1</translation>
    </message>
    <message>
        <source>&amp;Start x:</source>
        <translation>x-&amp;Start:</translation>
    </message>
    <message>
        <source>First x of the sweep (x_0)</source>
        <translation>Erstes x des Durchlaufs (x_0)</translation>
    </message>
    <message>
        <source>S&amp;tep x:</source>
        <translation>x-S&amp;chrittweite:</translation>
    </message>
    <message>
        <source>Distance between points; may be negative, not 0</source>
        <translation>Abstand zwischen den Punkten; darf negativ sein, nicht 0</translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation>An&amp;zahl:</translation>
    </message>
    <message>
        <source>Number of points</source>
        <translation>Anzahl der Punkte</translation>
    </message>
    <message>
        <source>&amp;Alpha:</source>
        <translation>&amp;Alpha:</translation>
    </message>
    <message>
        <source>Leak slope: f(x) = alpha*x for x &lt;= 0 (0.01 by default)</source>
        <translation>Steigung des negativen Asts: f(x) = alpha*x für x &lt;= 0 (standardmäßig 0.01)</translation>
    </message>
    <message>
        <source>{purpose}.
Takes {range}; Escape undoes an edit.</source>
        <translation>{purpose}.
Akzeptiert {range}; Esc macht eine Eingabe rückgängig.</translation>
    </message>
    <message>
        <source>The precision of x, f(x) and f&apos;(x).
float64 (exact): each value the double nearest the exact decimal result.
float32, float16, bfloat16: what PyTorch computes on the CPU for a tensor of that dtype:
x rounded to it (through float32), alpha to float32, alpha*x in float32, then rounded.</source>
        <translation>Die Genauigkeit von x, f(x) und f&apos;(x).
float64 (exakt): jeder Wert das Double, das dem exakten dezimalen Ergebnis am nächsten liegt.
float32, float16, bfloat16: was PyTorch auf der CPU für einen Tensor dieses dtype berechnet:
x darauf gerundet (über float32), alpha auf float32, alpha*x in float32, dann gerundet.</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Precisio&amp;n:</source>
        <translation>&amp;Genauigkeit:</translation>
    </message>
    <message>
        <source>Cannot set alpha to {alpha}: {problem}</source>
        <translation>Alpha kann nicht auf {alpha} gesetzt werden: {problem}</translation>
    </message>
    <message>
        <source>Cannot compute in {precision}: {problem}</source>
        <translation>Rechnen in {precision} nicht möglich: {problem}</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Cancel</source>
        <extracomment>What a message label says, which picks its text colour: an error, a note, or plain text. A progress dialog shows only for work that takes longer than this (ms).</extracomment>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>LayerPlot</name>
    <message>
        <source>Plot of the std ratio over depth</source>
        <translation>Diagramm des Std.-Abw.-Verhältnisses über die Tiefe</translation>
    </message>
    <message>
        <source>For each alpha, the signal&apos;s std ratio after 0 to L layers on a log axis, and the gradient&apos;s dashed</source>
        <translation>Für jedes Alpha das Std.-Abw.-Verhältnis des Signals nach 0 bis L Schichten auf logarithmischer Achse, das des Gradienten gestrichelt</translation>
    </message>
    <message>
        <source>depth (layers)</source>
        <translation>Tiefe (Schichten)</translation>
    </message>
    <message>
        <source>std ratio</source>
        <translation>Std.-Abw.-Verhältnis</translation>
    </message>
</context>
<context>
    <name>LayerView</name>
    <message>
        <source>the alpha (current first, then the pinned ones)</source>
        <translation>das Alpha (zuerst das aktuelle, dann die angepinnten)</translation>
    </message>
    <message>
        <source>std ratio</source>
        <translation>Std.-Abw.-Verhältnis</translation>
    </message>
    <message>
        <source>sqrt(E[h_L²]) / std after L layers</source>
        <translation>sqrt(E[h_L²]) / std nach L Schichten</translation>
    </message>
    <message>
        <source>grad ratio</source>
        <translation>Gradientenverhältnis</translation>
    </message>
    <message>
        <source>sqrt(E[(d/dh_0)²] / E[(d/dh_L)²]) through L layers</source>
        <translation>sqrt(E[(d/dh_0)²] / E[(d/dh_L)²]) durch L Schichten</translation>
    </message>
    <message>
        <source>layer factor</source>
        <translation>Schichtfaktor</translation>
    </message>
    <message>
        <source>k = c (1 + alpha²) / 2: each layer after the first multiplies the signal&apos;s second moment by k</source>
        <translation>k = c (1 + alpha²) / 2: jede Schicht nach der ersten multipliziert das zweite Moment des Signals mit k</translation>
    </message>
    <message>
        <source>Kaiming gain</source>
        <translation>Kaiming-Gain</translation>
    </message>
    <message>
        <source>sqrt(2 / (1 + alpha²)), PyTorch&apos;s calculate_gain(&apos;leaky_relu&apos;, alpha)</source>
        <translation>sqrt(2 / (1 + alpha²)), PyTorchs calculate_gain(&apos;leaky_relu&apos;, alpha)</translation>
    </message>
    <message>
        <source>leaky share</source>
        <translation>Anteil X &lt;= 0</translation>
    </message>
    <message>
        <source>P(X &lt;= 0): the share of pre-activations on the leaky side</source>
        <translation>P(X &lt;= 0): der Anteil der Prä-Aktivierungen auf dem negativen Ast</translation>
    </message>
    <message>
        <source>E[f(X)], X ~ N(mean, std²)</source>
        <translation>E[f(X)], X ~ N(Mittelwert, std²)</translation>
    </message>
    <message>
        <source>E[f&apos;(X)], the mean slope</source>
        <translation>E[f&apos;(X)], die mittlere Steigung</translation>
    </message>
    <message>
        <source>E[f&apos;(X)²]: how the first layer scales the gradient&apos;s second moment (times c)</source>
        <translation>E[f&apos;(X)²]: wie die erste Schicht das zweite Moment des Gradienten skaliert (mal c)</translation>
    </message>
    <message>
        <source>Mean of the pre-activation X ~ N(mean, std²)</source>
        <extracomment>Text for the status bar, and how long to show it (ms). The inputs before the edit under way: what shows while its text is refused (not a prefix that judged well on the way, 100 on the way to 1001). Copy numbers with &apos;,&apos; as the decimal point and the header alike (the window&apos;s Decimal Comma option, as the main table&apos;s copy).</extracomment>
        <translation>Mittelwert der Prä-Aktivierung X ~ N(Mittelwert, std²)</translation>
    </message>
    <message>
        <source>Standard deviation of X, above 0</source>
        <translation>Standardabweichung von X, größer als 0</translation>
    </message>
    <message>
        <source>Number of layers, 1 to {max}</source>
        <translation>Anzahl der Schichten, 1 bis {max}</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>Initialisierung</translation>
    </message>
    <message>
        <source>The weights&apos; variance c/fan_in: he = kaiming_normal_(a=alpha), c = 2/(1 + alpha²); kaiming-default (a = 0) c = 2; torch-default (nn.Linear) c = 1/3; xavier, lecun c = 1; or type gain=G for c = G²</source>
        <translation>Die Varianz der Gewichte c/fan_in: he = kaiming_normal_(a=alpha), c = 2/(1 + alpha²); kaiming-default (a = 0) c = 2; torch-default (nn.Linear) c = 1/3; xavier, lecun c = 1; oder gain=G eingeben für c = G²</translation>
    </message>
    <message>
        <source>Gradient ratio (dashed)</source>
        <translation>Gradientenverhältnis (gestrichelt)</translation>
    </message>
    <message>
        <source>Also draw each alpha&apos;s gradient ratio, dashed, in its colour</source>
        <translation>Auch das Gradientenverhältnis jedes Alphas zeichnen, gestrichelt, in seiner Farbe</translation>
    </message>
    <message>
        <source>Layer statistics per alpha</source>
        <translation>Schichtstatistik je Alpha</translation>
    </message>
    <message>
        <source>One row per alpha: the statistics of f(X) for X ~ N(mean, std²) and the std and gradient ratios after the depth&apos;s layers; Ctrl+C copies the selected rows</source>
        <translation>Eine Zeile je Alpha: die Statistik von f(X) für X ~ N(Mittelwert, std²) und die Verhältnisse von Std.-Abw. und Gradient nach den Schichten der Tiefe; Strg+C kopiert die ausgewählten Zeilen</translation>
    </message>
    <message>
        <source>Copy Rows</source>
        <translation>Zeilen kopieren</translation>
    </message>
    <message>
        <source>The selected rows (all, if none is selected) as tab-separated text</source>
        <translation>Die ausgewählten Zeilen (alle, wenn keine ausgewählt ist) als tabulatorgetrennter Text</translation>
    </message>
    <message>
        <source>Export Rows…</source>
        <translation>Zeilen exportieren…</translation>
    </message>
    <message>
        <source>Every row as CSV, as `leaky-relu stats` writes it</source>
        <translation>Alle Zeilen als CSV, wie `leaky-relu stats` sie schreibt</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>std</source>
        <translation>Std.-Abw.</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>Tiefe</translation>
    </message>
    <message>
        <source>init</source>
        <translation>Init.</translation>
    </message>
    <message>
        <source>Layer statistics copied as tab-separated text.</source>
        <translation>Schichtstatistik als tabulatorgetrennter Text kopiert.</translation>
    </message>
    <message>
        <source>Layer statistics not exported: {reason}</source>
        <translation>Schichtstatistik nicht exportiert: {reason}</translation>
    </message>
    <message>
        <source>Layer statistics exported to {file}</source>
        <translation>Schichtstatistik nach {file} exportiert</translation>
    </message>
    <message>
        <source>Export Layer Statistics</source>
        <translation>Schichtstatistik exportieren</translation>
    </message>
    <message>
        <source>No row for alpha = {alphas}: beyond 1e50 in size, E[f²] leaves the doubles.</source>
        <translation>Keine Zeile für alpha = {alphas}: jenseits von 1e50 verlässt E[f²] den Bereich der Doubles.</translation>
    </message>
    <message>
        <source> (current)</source>
        <translation> (aktuell)</translation>
    </message>
    <message>
        <source> (pinned)</source>
        <translation> (angepinnt)</translation>
    </message>
    <message>
        <source>{caption}:</source>
        <translation>{caption}:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Move the mouse over the plot to read x and f(x) of every visible curve.</source>
        <translation>Die Maus über das Diagramm bewegen, um x und f(x) jeder sichtbaren Kurve abzulesen.</translation>
    </message>
    <message>
        <source>Values at the crosshair: x rounded to the view&apos;s resolution, f(x) exact there</source>
        <translation>Werte am Fadenkreuz: x auf die Auflösung der Ansicht gerundet, f(x) dort exakt</translation>
    </message>
    <message>
        <source>Leaky ReLU calculator</source>
        <translation>Leaky-ReLU-Rechner</translation>
    </message>
    <message>
        <source>Values info</source>
        <translation>Werte-Info</translation>
    </message>
    <message>
        <source>Sweep info</source>
        <translation>Durchlauf-Info</translation>
    </message>
    <message>
        <source>Showing {name}. Typing in start, step or count, or View &gt; Back to Sweep, returns to the sweep.</source>
        <translation>{name} wird gezeigt. Eine Eingabe in Start, Schrittweite oder Anzahl oder Ansicht &gt; Zurück zum Durchlauf kehrt zum Durchlauf zurück.</translation>
    </message>
    <message>
        <source>Your x values last time could not be read again ({reason}); showing the sweep.</source>
        <translation>Ihre x-Werte vom letzten Mal ließen sich nicht erneut lesen ({reason}); der Durchlauf wird gezeigt.</translation>
    </message>
    <message>
        <source>Cannot pin alpha = {alpha}: {problem}.</source>
        <translation>Anpinnen von alpha = {alpha} nicht möglich: {problem}.</translation>
    </message>
    <message>
        <source>Fit Negative Branch: the sweep has no x &lt;= 0, so there is no negative branch to show; the view is left as it was</source>
        <translation>Auf negativen Ast einpassen: Der Durchlauf hat kein x &lt;= 0, es gibt also keinen negativen Ast zu zeigen; die Ansicht bleibt, wie sie war</translation>
    </message>
    <message>
        <source>Cannot reset to the defaults: {problem}</source>
        <translation>Zurücksetzen auf die Standardwerte nicht möglich: {problem}</translation>
    </message>
    <message>
        <source>Cannot show {name}: {problem}; the data on show stay.</source>
        <translation>{name} kann nicht gezeigt werden: {problem}; die gezeigten Daten bleiben.</translation>
    </message>
    <message>
        <source>Cannot Show x Values</source>
        <translation>x-Werte können nicht gezeigt werden</translation>
    </message>
    <message>
        <source>{name}: {problem}.

The data on show stay as they were.</source>
        <translation>{name}: {problem}.

Die gezeigten Daten bleiben, wie sie waren.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Leaky ReLU calculator {version}&lt;/h3&gt;&lt;p&gt;f(x) = x if x &amp;gt; 0, else alpha&amp;middot;x.&lt;br&gt;f&apos;(x) = 1 if x &amp;gt; 0, else alpha &amp;mdash; so f&apos;(0) = alpha, as in PyTorch and TensorFlow; x = 0 belongs to the alpha branch.&lt;/p&gt;&lt;p&gt;Every value is the double nearest the exact decimal result of the inputs as typed, shown in its shortest form.&lt;/p&gt;&lt;p&gt;Offline; no data leaves this computer.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Leaky-ReLU-Rechner {version}&lt;/h3&gt;&lt;p&gt;f(x) = x für x &amp;gt; 0, sonst alpha&amp;middot;x.&lt;br&gt;f&apos;(x) = 1 für x &amp;gt; 0, sonst alpha &amp;mdash; also f&apos;(0) = alpha, wie in PyTorch und TensorFlow; x = 0 gehört zum Alpha-Ast.&lt;/p&gt;&lt;p&gt;Jeder Wert ist das Double, das dem exakten dezimalen Ergebnis der Eingaben wie getippt am nächsten liegt, in seiner kürzesten Form gezeigt.&lt;/p&gt;&lt;p&gt;Offline; keine Daten verlassen diesen Computer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Leaky ReLU Calculator</source>
        <translation>Über den Leaky-ReLU-Rechner</translation>
    </message>
    <message>
        <source>{count} points, x from {low} to {high}, zero crossing: {crossing}</source>
        <translation>{count} Punkte, x von {low} bis {high}, Nulldurchgang: {crossing}</translation>
    </message>
    <message>
        <source>{name}: {count} decimal values</source>
        <translation>{name}: {count} Dezimalwerte</translation>
    </message>
    <message>
        <source>{name}: {count} decimal value</source>
        <translation>{name}: {count} Dezimalwert</translation>
    </message>
    <message>
        <source>{name}: {count} {kind} values</source>
        <translation>{name}: {count} {kind}-Werte</translation>
    </message>
    <message>
        <source>{name}: {count} {kind} value</source>
        <translation>{name}: {count} {kind}-Wert</translation>
    </message>
    <message>
        <source> (shape {shape}, flattened in C order)</source>
        <translation> (Form {shape}, in C-Reihenfolge abgeflacht)</translation>
    </message>
    <message>
        <source>; {nan} NaN, {inf} infinite</source>
        <translation>; {nan} NaN, {inf} unendlich</translation>
    </message>
</context>
<context>
    <name>Memory</name>
    <message>
        <source>{file} (your x values last time) has moved or gone; showing the sweep.</source>
        <extracomment>Checkable actions by their WindowState names (show_derivative, csv_pinned, ...). Splitters by their WindowState names (main_splitter, ...).</extracomment>
        <translation>{file} (Ihre x-Werte vom letzten Mal) wurde verschoben oder gelöscht; der Durchlauf wird gezeigt.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Follow Desktop</source>
        <translation>&amp;Wie der Desktop</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Leaky ReLU Calculator will speak {language} from its next start.</source>
        <translation>Der Leaky-ReLU-Rechner spricht ab dem nächsten Start {language}.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open x Values…</source>
        <translation>&amp;x-Werte öffnen…</translation>
    </message>
    <message>
        <source>Open your own x values: a column of a CSV, TSV or text file, or a .npy array (Ctrl+O); dropping a file on the window does the same</source>
        <translation>Eigene x-Werte öffnen: eine Spalte einer CSV-, TSV- oder Textdatei oder ein .npy-Array (Strg+O); eine auf das Fenster gezogene Datei tut dasselbe</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Write the whole sweep to a CSV file (Ctrl+E)</source>
        <translation>Den ganzen Durchlauf in eine CSV-Datei schreiben (Strg+E)</translation>
    </message>
    <message>
        <source>CSV: Include f&apos;(x) Columns</source>
        <translation>CSV: Spalten f&apos;(x) einschließen</translation>
    </message>
    <message>
        <source>Exports get one f&apos;(x) column per alpha</source>
        <translation>Exporte enthalten eine Spalte f&apos;(x) je Alpha</translation>
    </message>
    <message>
        <source>CSV: Include Pinned Alphas</source>
        <translation>CSV: Angepinnte Alphas einschließen</translation>
    </message>
    <message>
        <source>Exports get one f(x) column per pinned alpha</source>
        <translation>Exporte enthalten eine Spalte f(x) je angepinntem Alpha</translation>
    </message>
    <message>
        <source>Decimal &amp;Comma in CSV and Copied Rows</source>
        <translation>Dezimal&amp;komma in CSV und kopierten Zeilen</translation>
    </message>
    <message>
        <source>Exports get &apos;;&apos; between columns and &apos;,&apos; as the decimal point, as spreadsheets expect in decimal-comma locales (de, fr, es, pt, ...)</source>
        <translation>Exporte verwenden &apos;;&apos; zwischen den Spalten und &apos;,&apos; als Dezimaltrennzeichen, wie Tabellenkalkulationen es in Gebietsschemas mit Dezimalkomma erwarten (de, fr, es, pt, ...)</translation>
    </message>
    <message>
        <source>Export &amp;Plot Image…</source>
        <translation>&amp;Diagramm als Bild exportieren…</translation>
    </message>
    <message>
        <source>Save the plot with its legend as PNG (2x size) or SVG (Ctrl+Shift+E)</source>
        <translation>Das Diagramm mit Legende als PNG (doppelte Größe) oder SVG speichern (Strg+Umschalt+E)</translation>
    </message>
    <message>
        <source>Plot Images in &amp;Screen Colours</source>
        <translation>Diagrammbilder in Bildschirm&amp;farben</translation>
    </message>
    <message>
        <source>Exported and copied plot images in the colours on screen (dark on a dark theme); off: light, ready to print</source>
        <translation>Exportierte und kopierte Diagrammbilder in den Farben des Bildschirms (dunkel bei dunklem Farbschema); aus: hell, druckfertig</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy Plot &amp;Image</source>
        <translation>Diagramm als B&amp;ild kopieren</translation>
    </message>
    <message>
        <source>Paste x &amp;Values</source>
        <translation>x-&amp;Werte einfügen</translation>
    </message>
    <message>
        <source>Show f for a column of numbers copied from a spreadsheet (Ctrl+Shift+V): the first numeric column, a header row skipped</source>
        <translation>f für eine aus einer Tabellenkalkulation kopierte Zahlenspalte zeigen (Strg+Umschalt+V): die erste numerische Spalte, eine Kopfzeile übersprungen</translation>
    </message>
    <message>
        <source>&amp;Reset Inputs to Defaults</source>
        <translation>Eingaben auf Standardwerte &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>A&amp;lpha</source>
        <translation>A&amp;lpha</translation>
    </message>
    <message>
        <source>&amp;Pin Current Alpha</source>
        <translation>Aktuelles Alpha an&amp;pinnen</translation>
    </message>
    <message>
        <source>Pin alpha</source>
        <translation>Alpha anpinnen</translation>
    </message>
    <message>
        <source>Keep the current alpha on the plot for comparison (Ctrl+P)</source>
        <translation>Das aktuelle Alpha zum Vergleich im Diagramm behalten (Strg+P)</translation>
    </message>
    <message>
        <source>Set alpha to a preset</source>
        <translation>Alpha auf eine Voreinstellung setzen</translation>
    </message>
    <message>
        <source>Pin a Pr&amp;eset</source>
        <translation>&amp;Voreinstellung anpinnen</translation>
    </message>
    <message>
        <source>Slide alpha</source>
        <translation>Alpha verschieben</translation>
    </message>
    <message>
        <source>Pla&amp;y Alpha Slider</source>
        <translation>Alpha-Schieberegler a&amp;bspielen</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Slide alpha back and forth over the slider&apos;s range, 5 s a pass; Escape, typing or Ctrl+Shift+P stops it</source>
        <translation>Alpha über den Bereich des Schiebereglers hin und her bewegen, 5 s je Durchgang; Esc, Tippen oder Strg+Umschalt+P hält es an</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>Show &amp;Derivative f&apos;(x)</source>
        <translation>&amp;Ableitung f&apos;(x) zeigen</translation>
    </message>
    <message>
        <source>Show &amp;ReLU Reference (alpha = 0)</source>
        <translation>&amp;ReLU-Referenz zeigen (alpha = 0)</translation>
    </message>
    <message>
        <source>Show &amp;Identity Line y = x</source>
        <translation>&amp;Identitätslinie y = x zeigen</translation>
    </message>
    <message>
        <source>&amp;Back to Sweep</source>
        <translation>&amp;Zurück zum Durchlauf</translation>
    </message>
    <message>
        <source>Show the sweep of the boxes again instead of your own x values</source>
        <translation>Wieder den Durchlauf der Felder statt Ihrer eigenen x-Werte zeigen</translation>
    </message>
    <message>
        <source>&amp;Fit Plot to Curves</source>
        <translation>Diagramm an Kurven an&amp;passen</translation>
    </message>
    <message>
        <source>Fit &amp;Negative Branch</source>
        <translation>Auf &amp;negativen Ast einpassen</translation>
    </message>
    <message>
        <source>Show x from the sweep&apos;s lowest x up to 0, and every visible curve there (Ctrl+Shift+N)</source>
        <translation>x vom kleinsten x des Durchlaufs bis 0 zeigen, und jede sichtbare Kurve dort (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>Show &amp;Legend</source>
        <translation>&amp;Legende zeigen</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Handbuch</translation>
    </message>
    <message>
        <source>&amp;About Leaky ReLU Calculator</source>
        <translation>Ü&amp;ber den Leaky-ReLU-Rechner</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>Layer statistics</source>
        <translation>Schichtstatistik</translation>
    </message>
    <message>
        <source>L&amp;ayer Statistics</source>
        <translation>Sc&amp;hichtstatistik</translation>
    </message>
    <message>
        <source>What each alpha on show does to a deep network: statistics and the signal through depth (Ctrl+Shift+L)</source>
        <translation>Was jedes gezeigte Alpha in einem tiefen Netz bewirkt: Statistik und das Signal über die Tiefe (Strg+Umschalt+L)</translation>
    </message>
</context>
<context>
    <name>PlotItem</name>
    <message>
        <source>Plot Options</source>
        <translation>Diagrammoptionen</translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation>Transformationen</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>Ausdünnen</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Gitter</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>ReLU</source>
        <extracomment>Qt&apos;s translate: ``translate(&quot;Context&quot;, &quot;text&quot;)``; lupdate extracts calls by this name. How each language names itself in View &gt; Language (never translated). The calculation&apos;s preset names and alpha notes, as the GUI shows them (translated here; the command line prints them in English).</extracomment>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>PyTorch / JAX / ONNX</source>
        <translation>PyTorch / JAX / ONNX</translation>
    </message>
    <message>
        <source>TensorFlow</source>
        <translation>TensorFlow</translation>
    </message>
    <message>
        <source>Keras LeakyReLU layer</source>
        <translation>Keras-LeakyReLU-Schicht</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>PyTorch PReLU initial</source>
        <translation>PyTorch PReLU, Anfangswert</translation>
    </message>
    <message>
        <source>PyTorch RReLU eval mode</source>
        <translation>PyTorch RReLU, Auswertungsmodus</translation>
    </message>
    <message>
        <source>Negative alpha is unusual: f then rises again for x &lt; 0 instead of leaking downwards</source>
        <translation>Ein negatives Alpha ist ungewöhnlich: f steigt dann für x &lt; 0 wieder an, statt flach abzufallen</translation>
    </message>
    <message>
        <source>alpha &gt; 1 is unusual: the x &lt;= 0 side is then steeper than the x &gt; 0 side</source>
        <translation>Ein Alpha über 1 ist ungewöhnlich: Die Seite x &lt;= 0 ist dann steiler als die Seite x &gt; 0</translation>
    </message>
    <message>
        <source>float64 (exact)</source>
        <translation>float64 (exakt)</translation>
    </message>
</context>
<context>
    <name>SingleXPanel</name>
    <message>
        <source>Type an x above to evaluate f(x) and f&apos;(x).</source>
        <translation>Oben ein x eingeben, um f(x) und f&apos;(x) auszuwerten.</translation>
    </message>
    <message>
        <source>Evaluate one x</source>
        <translation>Ein x auswerten</translation>
    </message>
    <message>
        <source>Single x</source>
        <translation>Einzelnes x</translation>
    </message>
    <message>
        <source>e.g. -2 or 1e-3</source>
        <translation>z. B. -2 oder 1e-3</translation>
    </message>
    <message>
        <source>Type one x to evaluate f(x) and f&apos;(x) directly for the current alpha</source>
        <translation>Ein x eingeben, um f(x) und f&apos;(x) direkt für das aktuelle Alpha auszuwerten</translation>
    </message>
    <message>
        <source>Single &amp;x:</source>
        <translation>Einzelnes &amp;x:</translation>
    </message>
    <message>
        <source>Cannot evaluate: {problem}</source>
        <translation>Auswertung nicht möglich: {problem}</translation>
    </message>
    <message>
        <source>x is held as {x}; </source>
        <translation>x wird als {x} gespeichert; </translation>
    </message>
    <message>
        <source>{precision}: {held}f(x) is {note}</source>
        <translation>{precision}: {held}f(x) ist {note}</translation>
    </message>
</context>
<context>
    <name>SweepPlot</name>
    <message>
        <source>Leaky ReLU   f(x) = x if x &gt; 0, else alpha·x</source>
        <translation>Leaky ReLU   f(x) = x für x &gt; 0, sonst alpha·x</translation>
    </message>
    <message>
        <source>Plot of f(x) for the current and pinned alphas</source>
        <translation>Diagramm von f(x) für das aktuelle und die angepinnten Alphas</translation>
    </message>
    <message>
        <source>Drag to pan, wheel to zoom, A or Ctrl+0 fits the view; the line under the plot reads x and every visible curve&apos;s f(x) at the mouse</source>
        <translation>Ziehen zum Verschieben, Mausrad zum Zoomen, A oder Strg+0 passt die Ansicht an; die Zeile unter dem Diagramm liest x und f(x) jeder sichtbaren Kurve an der Maus ab</translation>
    </message>
    <message>
        <source>Drag to pan, wheel to zoom, right-click for more; A or Ctrl+0 fits the view again</source>
        <translation>Ziehen zum Verschieben, Mausrad zum Zoomen, Rechtsklick für mehr; A oder Strg+0 passt die Ansicht wieder an</translation>
    </message>
    <message>
        <source>f&apos;(x), dashed</source>
        <translation>f&apos;(x), gestrichelt</translation>
    </message>
    <message>
        <source>ReLU reference (alpha = 0)</source>
        <translation>ReLU-Referenz (alpha = 0)</translation>
    </message>
    <message>
        <source>identity y = x</source>
        <translation>Identität y = x</translation>
    </message>
    <message>
        <source>zero crossing, i = {i}</source>
        <translation>Nulldurchgang, i = {i}</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>Identität</translation>
    </message>
</context>
<context>
    <name>SweepTableModel</name>
    <message>
        <source>The sweep reaches x = 0 here: the kink of f</source>
        <extracomment>What marks the zero-crossing row&apos;s cells.</extracomment>
        <translation>Hier erreicht der Durchlauf x = 0: der Knick von f</translation>
    </message>
    <message>
        <source>{precision} holds f(x) as {note}</source>
        <translation>{precision} speichert f(x) als {note}</translation>
    </message>
</context>
<context>
    <name>SweepTableView</name>
    <message>
        <source>Sweep table</source>
        <extracomment>The narrowest the index column and the number columns get, so that short numbers breathe. A line for the status bar and how long to show it, in ms.</extracomment>
        <translation>Durchlauf-Tabelle</translation>
    </message>
    <message>
        <source>Columns i, x, f(x) and f&apos;(x) for the current alpha, then f(x) per pinned alpha; arrows move between cells, Ctrl+C copies the selected rows</source>
        <translation>Spalten i, x, f(x) und f&apos;(x) für das aktuelle Alpha, dann f(x) je angepinntem Alpha; Pfeile wechseln zwischen Zellen, Strg+C kopiert die ausgewählten Zeilen</translation>
    </message>
    <message>
        <source>Ctrl+C copies the selected rows as tab-separated text, ready to paste into a spreadsheet</source>
        <extracomment>The headers&apos; own selection models, which stay empty (one per header).</extracomment>
        <translation>Strg+C kopiert die ausgewählten Zeilen als tabulatorgetrennten Text, bereit zum Einfügen in eine Tabellenkalkulation</translation>
    </message>
    <message>
        <source>Nothing copied: {total} rows are selected and the clipboard takes at most {limit} rows. Use File &gt; Export CSV… ({keys}) for all of them.</source>
        <extracomment>Copy numbers with &apos;,&apos; as the decimal point (for decimal-comma spreadsheets).</extracomment>
        <translation>Nichts kopiert: {total} Zeilen sind ausgewählt, die Zwischenablage nimmt höchstens {limit} Zeilen. Für alle Datei &gt; CSV exportieren… ({keys}) verwenden.</translation>
    </message>
    <message>
        <source>Select rows in the table to copy them.</source>
        <translation>Zeilen in der Tabelle auswählen, um sie zu kopieren.</translation>
    </message>
    <message>
        <source>Copied {count} rows (tab-separated, with the header).</source>
        <translation>{count} Zeilen kopiert (tabulatorgetrennt, mit Kopfzeile).</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>Leaky ReLU Calculator: User Guide</source>
        <translation>Leaky-ReLU-Rechner: Handbuch</translation>
    </message>
    <message>
        <source>User guide</source>
        <extracomment>Screenshots are shown at most this wide (logical pixels), so that they fit the window.</extracomment>
        <translation>Handbuch</translation>
    </message>
</context>
<context>
    <name>ValuesController</name>
    <message>
        <source>Numbers (*.csv *.tsv *.txt *.npy *.gz *.bz2 *.xz);;CSV or TSV (*.csv *.tsv);;Text (*.txt);;NumPy array (*.npy);;Compressed text (*.gz *.bz2 *.xz);;All files (*)</source>
        <extracomment>Statistics of many values are worked out once input has paused this long (ms).</extracomment>
        <translation>Zahlen (*.csv *.tsv *.txt *.npy *.gz *.bz2 *.xz);;CSV oder TSV (*.csv *.tsv);;Text (*.txt);;NumPy-Array (*.npy);;Komprimierter Text (*.gz *.bz2 *.xz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>pasted values</source>
        <translation>eingefügte Werte</translation>
    </message>
    <message>
        <source>not enough memory to hold these values</source>
        <translation>nicht genug Speicher für diese Werte</translation>
    </message>
    <message>
        <source>not enough memory</source>
        <translation>nicht genug Speicher</translation>
    </message>
    <message>
        <source>Open x Values</source>
        <extracomment>A line for the status bar and how long to show it in ms (0: until the next one). A quiet read (the last file, at start) failed: why. The progress of the read that runs (None when none runs). The newest request, started once input pauses and no job runs. Where the last file came from; the open dialog starts there. &apos;&apos; for the home folder. Decimal commas in text: None decides from the text (and the locale).</extracomment>
        <translation>x-Werte öffnen</translation>
    </message>
    <message>
        <source>Paste x Values: the clipboard holds no text; copy a column of numbers first.</source>
        <translation>x-Werte einfügen: Die Zwischenablage enthält keinen Text; zuerst eine Zahlenspalte kopieren.</translation>
    </message>
    <message>
        <source>Values are being read already; wait for them or cancel.</source>
        <translation>Es werden bereits Werte gelesen; darauf warten oder abbrechen.</translation>
    </message>
    <message>
        <source>Reading x Values</source>
        <translation>x-Werte werden gelesen</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>{name} wird gelesen…</translation>
    </message>
    <message>
        <source>Reading {name} cancelled; the data on show stay as they were.</source>
        <translation>Lesen von {name} abgebrochen; die gezeigten Daten bleiben, wie sie waren.</translation>
    </message>
    <message>
        <source>Could not read the values: {reason}</source>
        <translation>Die Werte konnten nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>Cannot Read x Values</source>
        <translation>x-Werte können nicht gelesen werden</translation>
    </message>
    <message>
        <source>{reason}

The data on show stay as they were.</source>
        <translation>{reason}

Die gezeigten Daten bleiben, wie sie waren.</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <source>ViewBox options</source>
        <extracomment>pyqtgraph&apos;s right-click menu on the plots, translated in its own contexts (pyqtgraph asks QCoreApplication.translate); its dialogs (Plot Options&apos; forms, Export...) stay English.</extracomment>
        <translation>Ansichtsoptionen</translation>
    </message>
    <message>
        <source>View All</source>
        <translation>Alles zeigen</translation>
    </message>
    <message>
        <source>axis</source>
        <translation>Achse</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>Mausmodus</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>3 Tasten</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>1 Taste</translation>
    </message>
</context>
<context>
    <name>XHistogram</name>
    <message>
        <source>where the x lie (histogram)</source>
        <extracomment>Up to this many values the histogram of x is worked out at once (a few ms).</extracomment>
        <translation>wo die x liegen (Histogramm)</translation>
    </message>
</context>
</TS>
