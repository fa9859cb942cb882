<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AlphaSlider</name>
    <message>
        <source>&amp;Logarithmic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Li&amp;near</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to 0.&amp;3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to &amp;1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to 1&amp;0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>logarithmic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alpha slider</source>
        <extracomment>The slider (or Play) went to this exact alpha. Play started (True) or stopped (False).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alpha sli&amp;der:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the alpha slider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slider &amp;Scale and Range</source>
        <extracomment>Scale and range choices (radio items), shown in the Alpha menu and on right-click.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slide alpha over {range}: every position an exact decimal of at most 3 digits, set in the Alpha box as if typed.
Arrows, Page Up/Down, Home and End move it; right-click (or the Alpha menu) for the scale and range.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparisonPanel</name>
    <message>
        <source>Show or hide the curve for {alpha}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {alpha} from the comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {alpha}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare alphas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pin Current Alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin current alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the current alpha on the plot as an extra curve (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned alphas: tick to show, ✕ to remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned alphas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{alpha} is pinned already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {count} alphas can be pinned; remove one first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrosshairReadout</name>
    <message>
        <source>{curve} = beyond ±1.8e308</source>
        <extracomment>The readout&apos;s text (&apos;&apos; when the mouse leaves the view).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecimalSpinBox</name>
    <message>
        <source>a whole number from {low} to {high}, digits only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (or &apos;,&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, except 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any decimal within the doubles (±1.8e308){zero}; &apos;.&apos;{comma} as the decimal point, 1e-3 style exponents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Export Sweep as CSV</source>
        <extracomment>A line for the status bar and how long to show it in ms (0: until the next one). Plot images in the screen&apos;s colours; by default they are light, ready to print. Where the last file went; the save dialogs open there. &apos;&apos; for the home folder.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Values as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing {count} rows to {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {count} rows to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; no file was written or changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting {count} rows to {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Plot Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the plot to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the plot image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {file}:
{reason}

No file was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InfoPanel</name>
    <message>
        <source>Sweep info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep info per curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each visible curve&apos;s f range over the sweep and its Kaiming gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kaiming gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f range over the sweep, and the He/Kaiming gain sqrt(2 / (1 + alpha^2))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no finite x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x range: {span} ({count} points)
Zero crossing: {crossing}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x range: {span} ({values})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mean and spread of f: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out the mean and spread of f…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{values}, {share} at or below 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; {nan} NaN, {inf} infinite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean, std of the finite f (float64 sums):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (the sweep stays on one side of 0)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InputsPanel</name>
    <message>
        <source>Sweep  x_i = start + i*step,  i = 0 .. count-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First x of the sweep (x_0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tep x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance between points; may be negative, not 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alpha:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leak slope: f(x) = alpha*x for x &lt;= 0 (0.01 by default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{purpose}.
Takes {range}; Escape undoes an edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The precision of x, f(x) and f&apos;(x).
float64 (exact): each value the double nearest the exact decimal result.
float32, float16, bfloat16: what PyTorch computes on the CPU for a tensor of that dtype:
x rounded to it (through float32), alpha to float32, alpha*x in float32, then rounded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precisio&amp;n:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set alpha to {alpha}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot compute in {precision}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Cancel</source>
        <extracomment>What a message label says, which picks its text colour: an error, a note, or plain text. A progress dialog shows only for work that takes longer than this (ms).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerPlot</name>
    <message>
        <source>Plot of the std ratio over depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For each alpha, the signal&apos;s std ratio after 0 to L layers on a log axis, and the gradient&apos;s dashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>depth (layers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>std ratio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerView</name>
    <message>
        <source>the alpha (current first, then the pinned ones)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>std ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sqrt(E[h_L²]) / std after L layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grad ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sqrt(E[(d/dh_0)²] / E[(d/dh_L)²]) through L layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k = c (1 + alpha²) / 2: each layer after the first multiplies the signal&apos;s second moment by k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kaiming gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sqrt(2 / (1 + alpha²)), PyTorch&apos;s calculate_gain(&apos;leaky_relu&apos;, alpha)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leaky share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P(X &lt;= 0): the share of pre-activations on the leaky side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E[f(X)], X ~ N(mean, std²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E[f&apos;(X)], the mean slope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E[f&apos;(X)²]: how the first layer scales the gradient&apos;s second moment (times c)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of the pre-activation X ~ N(mean, std²)</source>
        <extracomment>Text for the status bar, and how long to show it (ms). The inputs before the edit under way: what shows while its text is refused (not a prefix that judged well on the way, 100 on the way to 1001).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard deviation of X, above 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of layers, 1 to {max}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights&apos; variance c/fan_in: he = kaiming_normal_(a=alpha), c = 2/(1 + alpha²); kaiming-default (a = 0) c = 2; torch-default (nn.Linear) c = 1/3; xavier, lecun c = 1; or type gain=G for c = G²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient ratio (dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also draw each alpha&apos;s gradient ratio, dashed, in its colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer statistics per alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per alpha: the statistics of f(X) for X ~ N(mean, std²) and the std and gradient ratios after the depth&apos;s layers; Ctrl+C copies the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected rows (all, if none is selected) as tab-separated text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every row as CSV, as `leaky-relu stats` writes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>std</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer statistics copied as tab-separated text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer statistics not exported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer statistics exported to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Layer Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No row for alpha = {alphas}: beyond 1e50 in size, E[f²] leaves the doubles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (pinned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{caption}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Move the mouse over the plot to read x and f(x) of every visible curve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values at the crosshair: x rounded to the view&apos;s resolution, f(x) exact there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaky ReLU calculator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing {name}. Typing in start, step or count, or View &gt; Back to Sweep, returns to the sweep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your x values last time could not be read again ({reason}); showing the sweep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot pin alpha = {alpha}: {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit Negative Branch: the sweep has no x &lt;= 0, so there is no negative branch to show; the view is left as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reset to the defaults: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show {name}: {problem}; the data on show stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Show x Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {problem}.

The data on show stay as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Leaky ReLU calculator {version}&lt;/h3&gt;&lt;p&gt;f(x) = x if x &amp;gt; 0, else alpha&amp;middot;x.&lt;br&gt;f&apos;(x) = 1 if x &amp;gt; 0, else alpha &amp;mdash; so f&apos;(0) = alpha, as in PyTorch and TensorFlow; x = 0 belongs to the alpha branch.&lt;/p&gt;&lt;p&gt;Every value is the double nearest the exact decimal result of the inputs as typed, shown in its shortest form.&lt;/p&gt;&lt;p&gt;Offline; no data leaves this computer.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Leaky ReLU Calculator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Memory</name>
    <message>
        <source>{file} (your x values last time) has moved or gone; showing the sweep.</source>
        <extracomment>Checkable actions by their WindowState names (show_derivative, csv_pinned, ...). Splitters by their WindowState names (main_splitter, ...).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Follow Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaky ReLU Calculator will speak {language} from its next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open x Values…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open your own x values: a column of a CSV, TSV or text file, or a .npy array (Ctrl+O); dropping a file on the window does the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the whole sweep to a CSV file (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV: Include f&apos;(x) Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports get one f&apos;(x) column per alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV: Include Pinned Alphas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports get one f(x) column per pinned alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimal &amp;Comma in CSV and Copied Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports get &apos;;&apos; between columns and &apos;,&apos; as the decimal point, as spreadsheets expect in decimal-comma locales (de, fr, es, pt, ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Plot Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the plot with its legend as PNG (2x size) or SVG (Ctrl+Shift+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot Images in &amp;Screen Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported and copied plot images in the colours on screen (dark on a dark theme); off: light, ready to print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Plot &amp;Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste x &amp;Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show f for a column of numbers copied from a spreadsheet (Ctrl+Shift+V): the first numeric column, a header row skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Inputs to Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;lpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pin Current Alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the current alpha on the plot for comparison (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set alpha to a preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin a Pr&amp;eset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slide alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pla&amp;y Alpha Slider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slide alpha back and forth over the slider&apos;s range, 5 s a pass; Escape, typing or Ctrl+Shift+P stops it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Derivative f&apos;(x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;ReLU Reference (alpha = 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Identity Line y = x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to Sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the sweep of the boxes again instead of your own x values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit Plot to Curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit &amp;Negative Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show x from the sweep&apos;s lowest x up to 0, and every visible curve there (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Leaky ReLU Calculator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>Layer statistics</source>
        <extracomment>The settings key of whether the Layer view was open (its inputs&apos; keys are in layer_inputs).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;ayer Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each alpha on show does to a deep network: statistics and the signal through depth (Ctrl+Shift+L)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>ReLU</source>
        <extracomment>Qt&apos;s translate: ``translate(&quot;Context&quot;, &quot;text&quot;)``; lupdate extracts calls by this name. How each language names itself in View &gt; Language (never translated). The calculation&apos;s preset names and alpha notes, as the GUI shows them (translated here; the command line prints them in English).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch / JAX / ONNX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TensorFlow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keras LeakyReLU layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch PReLU initial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch RReLU eval mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative alpha is unusual: f then rises again for x &lt; 0 instead of leaking downwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alpha &gt; 1 is unusual: the x &lt;= 0 side is then steeper than the x &gt; 0 side</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SingleXPanel</name>
    <message>
        <source>Type an x above to evaluate f(x) and f&apos;(x).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate one x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. -2 or 1e-3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type one x to evaluate f(x) and f&apos;(x) directly for the current alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single &amp;x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot evaluate: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x is held as {x}; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{precision}: {held}f(x) is {note}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepPlot</name>
    <message>
        <source>Leaky ReLU   f(x) = x if x &gt; 0, else alpha·x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot of f(x) for the current and pinned alphas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to pan, wheel to zoom, A or Ctrl+0 fits the view; the line under the plot reads x and every visible curve&apos;s f(x) at the mouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to pan, wheel to zoom, right-click for more; A or Ctrl+0 fits the view again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f&apos;(x), dashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU reference (alpha = 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity y = x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero crossing, i = {i}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepTableModel</name>
    <message>
        <source>The sweep reaches x = 0 here: the kink of f</source>
        <extracomment>What marks the zero-crossing row&apos;s cells.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{precision} holds f(x) as {note}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepTableView</name>
    <message>
        <source>Sweep table</source>
        <extracomment>The narrowest the index column and the number columns get, so that short numbers breathe. A line for the status bar and how long to show it, in ms.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns i, x, f(x) and f&apos;(x) for the current alpha, then f(x) per pinned alpha; arrows move between cells, Ctrl+C copies the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+C copies the selected rows as tab-separated text, ready to paste into a spreadsheet</source>
        <extracomment>The headers&apos; own selection models, which stay empty (one per header).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing copied: {total} rows are selected and the clipboard takes at most {limit} rows. Use File &gt; Export CSV… ({keys}) for all of them.</source>
        <extracomment>Copy numbers with &apos;,&apos; as the decimal point (for decimal-comma spreadsheets).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select rows in the table to copy them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied {count} rows (tab-separated, with the header).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>Leaky ReLU Calculator: User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User guide</source>
        <extracomment>Screenshots are shown at most this wide (logical pixels), so that they fit the window.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValuesController</name>
    <message>
        <source>Numbers (*.csv *.tsv *.txt *.npy *.gz *.bz2 *.xz);;CSV or TSV (*.csv *.tsv);;Text (*.txt);;NumPy array (*.npy);;Compressed text (*.gz *.bz2 *.xz);;All files (*)</source>
        <extracomment>Statistics of many values are worked out once input has paused this long (ms).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pasted values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open x Values</source>
        <extracomment>A line for the status bar and how long to show it in ms (0: until the next one). A quiet read (the last file, at start) failed: why. The newest request, started once input pauses and no job runs. Where the last file came from; the open dialog starts there. &apos;&apos; for the home folder. Decimal commas in text: None decides from the text (and the locale).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste x Values: the clipboard holds no text; copy a column of numbers first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values are being read already; wait for them or cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading x Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {name} cancelled; the data on show stay as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the values: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Read x Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason}

The data on show stay as they were.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>XHistogram</name>
    <message>
        <source>where the x lie (histogram)</source>
        <extracomment>Up to this many values the histogram of x is worked out at once (a few ms).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
