<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AlphaSlider</name>
    <message>
        <source>&amp;Logarithmic</source>
        <translation>&amp;Logarithmique</translation>
    </message>
    <message>
        <source>Li&amp;near</source>
        <translation>Li&amp;néaire</translation>
    </message>
    <message>
        <source>Up to 0.&amp;3</source>
        <translation>Jusqu&apos;à 0.&amp;3</translation>
    </message>
    <message>
        <source>Up to &amp;1</source>
        <translation>Jusqu&apos;à &amp;1</translation>
    </message>
    <message>
        <source>Up to 1&amp;0</source>
        <translation>Jusqu&apos;à 1&amp;0</translation>
    </message>
    <message>
        <source>logarithmic</source>
        <translation>logarithmique</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>linéaire</translation>
    </message>
    <message>
        <source>Alpha slider</source>
        <extracomment>The slider (or Play) went to this exact alpha. Play started (True) or stopped (False).</extracomment>
        <translation>Curseur alpha</translation>
    </message>
    <message>
        <source>Alpha sli&amp;der:</source>
        <translation>C&amp;urseur alpha :</translation>
    </message>
    <message>
        <source>Play the alpha slider</source>
        <translation>Animer le curseur alpha</translation>
    </message>
    <message>
        <source>Slider &amp;Scale and Range</source>
        <extracomment>Scale and range choices (radio items), shown in the Alpha menu and on right-click.</extracomment>
        <translation>É&amp;chelle et plage du curseur</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Échelle</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Plage</translation>
    </message>
    <message>
        <source>Slide alpha over {range}: every position an exact decimal of at most 3 digits, set in the Alpha box as if typed.
Arrows, Page Up/Down, Home and End move it; right-click (or the Alpha menu) for the scale and range.</source>
        <translation>Faire glisser alpha sur {range} : chaque position est un décimal exact d&apos;au plus 3 chiffres, placé dans le champ Alpha comme s&apos;il était saisi.
Les flèches, Page préc./suiv., Début et Fin le déplacent ; clic droit (ou le menu Alpha) pour l&apos;échelle et la plage.</translation>
    </message>
</context>
<context>
    <name>ComparisonPanel</name>
    <message>
        <source>Show or hide the curve for {alpha}</source>
        <translation>Afficher ou masquer la courbe de {alpha}</translation>
    </message>
    <message>
        <source>Remove {alpha} from the comparison</source>
        <translation>Retirer {alpha} de la comparaison</translation>
    </message>
    <message>
        <source>Remove {alpha}</source>
        <translation>Retirer {alpha}</translation>
    </message>
    <message>
        <source>Compare alphas</source>
        <translation>Comparer des alphas</translation>
    </message>
    <message>
        <source>&amp;Pin Current Alpha</source>
        <translation>Épingler l&apos;alpha ac&amp;tuel</translation>
    </message>
    <message>
        <source>Pin current alpha</source>
        <translation>Épingler l&apos;alpha actuel</translation>
    </message>
    <message>
        <source>Keep the current alpha on the plot as an extra curve (Ctrl+P)</source>
        <translation>Garder l&apos;alpha actuel sur le graphique comme courbe supplémentaire (Ctrl+P)</translation>
    </message>
    <message>
        <source>Pinned alphas: tick to show, ✕ to remove</source>
        <translation>Alphas épinglés : cocher pour afficher, ✕ pour retirer</translation>
    </message>
    <message>
        <source>Pinned alphas</source>
        <translation>Alphas épinglés</translation>
    </message>
    <message>
        <source>{alpha} is pinned already.</source>
        <translation>{alpha} est déjà épinglé.</translation>
    </message>
    <message>
        <source>At most {count} alphas can be pinned; remove one first.</source>
        <translation>Au plus {count} alphas peuvent être épinglés ; retirez-en un d&apos;abord.</translation>
    </message>
</context>
<context>
    <name>CrosshairReadout</name>
    <message>
        <source>{curve} = beyond ±1.8e308</source>
        <extracomment>The readout&apos;s text (&apos;&apos; when the mouse leaves the view).</extracomment>
        <translation>{curve} = au-delà de ±1.8e308</translation>
    </message>
</context>
<context>
    <name>DecimalSpinBox</name>
    <message>
        <source>a whole number from {low} to {high}, digits only</source>
        <translation>un nombre entier de {low} à {high}, chiffres seulement</translation>
    </message>
    <message>
        <source> (or &apos;,&apos;)</source>
        <translation> (ou &apos;,&apos;)</translation>
    </message>
    <message>
        <source>, except 0</source>
        <translation>, sauf 0</translation>
    </message>
    <message>
        <source>any decimal within the doubles (±1.8e308){zero}; &apos;.&apos;{comma} as the decimal point, 1e-3 style exponents</source>
        <translation>tout décimal dans la plage des doubles (±1.8e308){zero} ; &apos;.&apos;{comma} comme séparateur décimal, exposants du type 1e-3</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Export Sweep as CSV</source>
        <extracomment>A line for the status bar and how long to show it in ms (0: until the next one). Plot images in the screen&apos;s colours; by default they are light, ready to print. Where the last file went; the save dialogs open there. &apos;&apos; for the home folder.</extracomment>
        <translation>Exporter le balayage en CSV</translation>
    </message>
    <message>
        <source>Export Values as CSV</source>
        <translation>Exporter les valeurs en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Exporting CSV</source>
        <translation>Export CSV en cours</translation>
    </message>
    <message>
        <source>Writing {count} rows to {file}…</source>
        <translation>Écriture de {count} lignes dans {file}…</translation>
    </message>
    <message>
        <source>Exported {count} rows to {file}</source>
        <translation>{count} lignes exportées dans {file}</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written or changed.</source>
        <translation>Export annulé ; aucun fichier n&apos;a été écrit ni modifié.</translation>
    </message>
    <message>
        <source>Exporting {count} rows to {file}…</source>
        <translation>Export de {count} lignes vers {file}…</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Un export est déjà en cours.</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>le fichier</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Échec de l&apos;export : {reason}</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>Export Plot Image</source>
        <translation>Exporter l&apos;image du graphique</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>Image PNG (*.png);;Image SVG (*.svg)</translation>
    </message>
    <message>
        <source>Saved the plot to {file}</source>
        <translation>Graphique enregistré dans {file}</translation>
    </message>
    <message>
        <source>Copied the plot image.</source>
        <translation>Image du graphique copiée.</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>Export impossible</translation>
    </message>
    <message>
        <source>Could not write {file}:
{reason}

No file was changed.</source>
        <translation>Impossible d&apos;écrire {file} :
{reason}

Aucun fichier n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>Exporter...</translation>
    </message>
</context>
<context>
    <name>InfoPanel</name>
    <message>
        <source>Sweep info</source>
        <translation>Infos du balayage</translation>
    </message>
    <message>
        <source>Sweep info per curve</source>
        <translation>Infos du balayage par courbe</translation>
    </message>
    <message>
        <source>Each visible curve&apos;s f range over the sweep and its Kaiming gain</source>
        <translation>L&apos;étendue de f de chaque courbe visible sur le balayage et son gain de Kaiming</translation>
    </message>
    <message>
        <source>curve</source>
        <translation>courbe</translation>
    </message>
    <message>
        <source>f range</source>
        <translation>étendue de f</translation>
    </message>
    <message>
        <source>Kaiming gain</source>
        <translation>gain de Kaiming</translation>
    </message>
    <message>
        <source>f range over the sweep, and the He/Kaiming gain sqrt(2 / (1 + alpha^2))</source>
        <translation>Étendue de f sur le balayage, et le gain de He/Kaiming sqrt(2 / (1 + alpha^2))</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} à {high}</translation>
    </message>
    <message>
        <source>no finite x</source>
        <translation>aucun x fini</translation>
    </message>
    <message>
        <source>x range: {span} ({count} points)
Zero crossing: {crossing}</source>
        <translation>Étendue de x : {span} ({count} points)
Passage par zéro : {crossing}</translation>
    </message>
    <message>
        <source>x range: {span} ({values})</source>
        <translation>Étendue de x : {span} ({values})</translation>
    </message>
    <message>
        <source>current</source>
        <translation>actuel</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>épinglé</translation>
    </message>
    <message>
        <source>No mean and spread of f: {reason}</source>
        <translation>Pas de moyenne ni de dispersion de f : {reason}</translation>
    </message>
    <message>
        <source>Working out the mean and spread of f…</source>
        <translation>Calcul de la moyenne et de la dispersion de f…</translation>
    </message>
    <message>
        <source>{values}, {share} at or below 0</source>
        <translation>{values}, {share} inférieures ou égales à 0</translation>
    </message>
    <message>
        <source>; {nan} NaN, {inf} infinite</source>
        <translation> ; {nan} NaN, {inf} infinies</translation>
    </message>
    <message>
        <source>mean, std of the finite f (float64 sums):</source>
        <translation>moyenne, écart-type des f finis (sommes float64) :</translation>
    </message>
    <message>
        <source>{count} value</source>
        <translation>{count} valeur</translation>
    </message>
    <message>
        <source>{count} values</source>
        <comment>the count is 0</comment>
        <translation>{count} valeur</translation>
    </message>
    <message>
        <source>{count} values</source>
        <translation>{count} valeurs</translation>
    </message>
    <message>
        <source>none (the sweep stays on one side of 0)</source>
        <translation>aucun (le balayage reste d&apos;un côté de 0)</translation>
    </message>
</context>
<context>
    <name>InputsPanel</name>
    <message>
        <source>Sweep  x_i = start + i*step,  i = 0 .. count-1</source>
        <translation>Balayage  x_i = début + i*pas,  i = 0 .. nombre-1</translation>
    </message>
    <message>
        <source>&amp;Start x:</source>
        <translation>x de &amp;départ :</translation>
    </message>
    <message>
        <source>First x of the sweep (x_0)</source>
        <translation>Premier x du balayage (x_0)</translation>
    </message>
    <message>
        <source>S&amp;tep x:</source>
        <translation>&amp;Pas en x :</translation>
    </message>
    <message>
        <source>Distance between points; may be negative, not 0</source>
        <translation>Écart entre les points ; peut être négatif, pas 0</translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation>&amp;Nombre :</translation>
    </message>
    <message>
        <source>Number of points</source>
        <translation>Nombre de points</translation>
    </message>
    <message>
        <source>&amp;Alpha:</source>
        <translation>&amp;Alpha :</translation>
    </message>
    <message>
        <source>Leak slope: f(x) = alpha*x for x &lt;= 0 (0.01 by default)</source>
        <translation>Pente de la branche négative : f(x) = alpha*x pour x &lt;= 0 (0.01 par défaut)</translation>
    </message>
    <message>
        <source>{purpose}.
Takes {range}; Escape undoes an edit.</source>
        <translation>{purpose}.
Accepte {range} ; Échap annule une saisie.</translation>
    </message>
    <message>
        <source>The precision of x, f(x) and f&apos;(x).
float64 (exact): each value the double nearest the exact decimal result.
float32, float16, bfloat16: what PyTorch computes on the CPU for a tensor of that dtype:
x rounded to it (through float32), alpha to float32, alpha*x in float32, then rounded.</source>
        <translation>La précision de x, f(x) et f&apos;(x).
float64 (exact) : chaque valeur est le double le plus proche du résultat décimal exact.
float32, float16, bfloat16 : ce que PyTorch calcule sur le CPU pour un tenseur de ce dtype :
x arrondi à ce type (via float32), alpha en float32, alpha*x en float32, puis arrondi.</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Précision</translation>
    </message>
    <message>
        <source>Precisio&amp;n:</source>
        <translation>Pré&amp;cision :</translation>
    </message>
    <message>
        <source>Cannot set alpha to {alpha}: {problem}</source>
        <translation>Impossible de régler alpha sur {alpha} : {problem}</translation>
    </message>
    <message>
        <source>Cannot compute in {precision}: {problem}</source>
        <translation>Impossible de calculer en {precision} : {problem}</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Cancel</source>
        <extracomment>What a message label says, which picks its text colour: an error, a note, or plain text. A progress dialog shows only for work that takes longer than this (ms).</extracomment>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>LayerPlot</name>
    <message>
        <source>Plot of the std ratio over depth</source>
        <translation>Graphique du rapport d&apos;écart-type selon la profondeur</translation>
    </message>
    <message>
        <source>For each alpha, the signal&apos;s std ratio after 0 to L layers on a log axis, and the gradient&apos;s dashed</source>
        <translation>Pour chaque alpha, le rapport d&apos;écart-type du signal après 0 à L couches sur un axe logarithmique, et celui du gradient en tirets</translation>
    </message>
    <message>
        <source>depth (layers)</source>
        <translation>profondeur (couches)</translation>
    </message>
    <message>
        <source>std ratio</source>
        <translation>rapport d&apos;écart-type</translation>
    </message>
</context>
<context>
    <name>LayerView</name>
    <message>
        <source>the alpha (current first, then the pinned ones)</source>
        <translation>l&apos;alpha (l&apos;actuel d&apos;abord, puis les épinglés)</translation>
    </message>
    <message>
        <source>std ratio</source>
        <translation>rapport d&apos;écart-type</translation>
    </message>
    <message>
        <source>sqrt(E[h_L²]) / std after L layers</source>
        <translation>sqrt(E[h_L²]) / std après L couches</translation>
    </message>
    <message>
        <source>grad ratio</source>
        <translation>rapport du gradient</translation>
    </message>
    <message>
        <source>sqrt(E[(d/dh_0)²] / E[(d/dh_L)²]) through L layers</source>
        <translation>sqrt(E[(d/dh_0)²] / E[(d/dh_L)²]) à travers L couches</translation>
    </message>
    <message>
        <source>layer factor</source>
        <translation>facteur par couche</translation>
    </message>
    <message>
        <source>k = c (1 + alpha²) / 2: each layer after the first multiplies the signal&apos;s second moment by k</source>
        <translation>k = c (1 + alpha²) / 2 : chaque couche après la première multiplie le second moment du signal par k</translation>
    </message>
    <message>
        <source>Kaiming gain</source>
        <translation>gain de Kaiming</translation>
    </message>
    <message>
        <source>sqrt(2 / (1 + alpha²)), PyTorch&apos;s calculate_gain(&apos;leaky_relu&apos;, alpha)</source>
        <translation>sqrt(2 / (1 + alpha²)), calculate_gain(&apos;leaky_relu&apos;, alpha) de PyTorch</translation>
    </message>
    <message>
        <source>leaky share</source>
        <translation>part X &lt;= 0</translation>
    </message>
    <message>
        <source>P(X &lt;= 0): the share of pre-activations on the leaky side</source>
        <translation>P(X &lt;= 0) : la part des pré-activations sur la branche négative</translation>
    </message>
    <message>
        <source>E[f(X)], X ~ N(mean, std²)</source>
        <translation>E[f(X)], X ~ N(moyenne, std²)</translation>
    </message>
    <message>
        <source>E[f&apos;(X)], the mean slope</source>
        <translation>E[f&apos;(X)], la pente moyenne</translation>
    </message>
    <message>
        <source>E[f&apos;(X)²]: how the first layer scales the gradient&apos;s second moment (times c)</source>
        <translation>E[f&apos;(X)²] : le facteur de la première couche sur le second moment du gradient (fois c)</translation>
    </message>
    <message>
        <source>Mean of the pre-activation X ~ N(mean, std²)</source>
        <extracomment>Text for the status bar, and how long to show it (ms). The inputs before the edit under way: what shows while its text is refused (not a prefix that judged well on the way, 100 on the way to 1001). Copy numbers with &apos;,&apos; as the decimal point and the header alike (the window&apos;s Decimal Comma option, as the main table&apos;s copy).</extracomment>
        <translation>Moyenne de la pré-activation X ~ N(moyenne, std²)</translation>
    </message>
    <message>
        <source>Standard deviation of X, above 0</source>
        <translation>Écart-type de X, supérieur à 0</translation>
    </message>
    <message>
        <source>Number of layers, 1 to {max}</source>
        <translation>Nombre de couches, de 1 à {max}</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>Initialisation</translation>
    </message>
    <message>
        <source>The weights&apos; variance c/fan_in: he = kaiming_normal_(a=alpha), c = 2/(1 + alpha²); kaiming-default (a = 0) c = 2; torch-default (nn.Linear) c = 1/3; xavier, lecun c = 1; or type gain=G for c = G²</source>
        <translation>La variance des poids c/fan_in : he = kaiming_normal_(a=alpha), c = 2/(1 + alpha²) ; kaiming-default (a = 0) c = 2 ; torch-default (nn.Linear) c = 1/3 ; xavier, lecun c = 1 ; ou saisir gain=G pour c = G²</translation>
    </message>
    <message>
        <source>Gradient ratio (dashed)</source>
        <translation>Rapport du gradient (tirets)</translation>
    </message>
    <message>
        <source>Also draw each alpha&apos;s gradient ratio, dashed, in its colour</source>
        <translation>Tracer aussi le rapport du gradient de chaque alpha, en tirets, dans sa couleur</translation>
    </message>
    <message>
        <source>Layer statistics per alpha</source>
        <translation>Statistiques par couche pour chaque alpha</translation>
    </message>
    <message>
        <source>One row per alpha: the statistics of f(X) for X ~ N(mean, std²) and the std and gradient ratios after the depth&apos;s layers; Ctrl+C copies the selected rows</source>
        <translation>Une ligne par alpha : les statistiques de f(X) pour X ~ N(moyenne, std²) et les rapports d&apos;écart-type et de gradient après les couches de la profondeur ; Ctrl+C copie les lignes sélectionnées</translation>
    </message>
    <message>
        <source>Copy Rows</source>
        <translation>Copier les lignes</translation>
    </message>
    <message>
        <source>The selected rows (all, if none is selected) as tab-separated text</source>
        <translation>Les lignes sélectionnées (toutes si aucune ne l&apos;est) en texte séparé par des tabulations</translation>
    </message>
    <message>
        <source>Export Rows…</source>
        <translation>Exporter les lignes…</translation>
    </message>
    <message>
        <source>Every row as CSV, as `leaky-relu stats` writes it</source>
        <translation>Toutes les lignes en CSV, comme les écrit `leaky-relu stats`</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>moyenne</translation>
    </message>
    <message>
        <source>std</source>
        <translation>écart-type</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>profondeur</translation>
    </message>
    <message>
        <source>init</source>
        <translation>init.</translation>
    </message>
    <message>
        <source>Layer statistics copied as tab-separated text.</source>
        <translation>Statistiques par couche copiées en texte séparé par des tabulations.</translation>
    </message>
    <message>
        <source>Layer statistics not exported: {reason}</source>
        <translation>Statistiques par couche non exportées : {reason}</translation>
    </message>
    <message>
        <source>Layer statistics exported to {file}</source>
        <translation>Statistiques par couche exportées dans {file}</translation>
    </message>
    <message>
        <source>Export Layer Statistics</source>
        <translation>Exporter les statistiques par couche</translation>
    </message>
    <message>
        <source>No row for alpha = {alphas}: beyond 1e50 in size, E[f²] leaves the doubles.</source>
        <translation>Aucune ligne pour alpha = {alphas} : au-delà de 1e50, E[f²] sort de la plage des doubles.</translation>
    </message>
    <message>
        <source> (current)</source>
        <translation> (actuel)</translation>
    </message>
    <message>
        <source> (pinned)</source>
        <translation> (épinglé)</translation>
    </message>
    <message>
        <source>{caption}:</source>
        <translation>{caption} :</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Move the mouse over the plot to read x and f(x) of every visible curve.</source>
        <translation>Passez la souris sur le graphique pour lire x et f(x) de chaque courbe visible.</translation>
    </message>
    <message>
        <source>Values at the crosshair: x rounded to the view&apos;s resolution, f(x) exact there</source>
        <translation>Valeurs au réticule : x arrondi à la résolution de la vue, f(x) exact en ce point</translation>
    </message>
    <message>
        <source>Leaky ReLU calculator</source>
        <translation>Calculatrice Leaky ReLU</translation>
    </message>
    <message>
        <source>Values info</source>
        <translation>Infos des valeurs</translation>
    </message>
    <message>
        <source>Sweep info</source>
        <translation>Infos du balayage</translation>
    </message>
    <message>
        <source>Showing {name}. Typing in start, step or count, or View &gt; Back to Sweep, returns to the sweep.</source>
        <translation>Affichage de {name}. Une saisie dans début, pas ou nombre, ou Affichage &gt; Retour au balayage, revient au balayage.</translation>
    </message>
    <message>
        <source>Your x values last time could not be read again ({reason}); showing the sweep.</source>
        <translation>Vos valeurs x de la dernière fois n&apos;ont pas pu être relues ({reason}) ; affichage du balayage.</translation>
    </message>
    <message>
        <source>Cannot pin alpha = {alpha}: {problem}.</source>
        <translation>Impossible d&apos;épingler alpha = {alpha} : {problem}.</translation>
    </message>
    <message>
        <source>Fit Negative Branch: the sweep has no x &lt;= 0, so there is no negative branch to show; the view is left as it was</source>
        <translation>Ajuster à la branche négative : le balayage n&apos;a aucun x &lt;= 0, il n&apos;y a donc pas de branche négative à montrer ; la vue reste telle quelle</translation>
    </message>
    <message>
        <source>Cannot reset to the defaults: {problem}</source>
        <translation>Impossible de revenir aux valeurs par défaut : {problem}</translation>
    </message>
    <message>
        <source>Cannot show {name}: {problem}; the data on show stay.</source>
        <translation>Impossible d&apos;afficher {name} : {problem} ; les données affichées restent.</translation>
    </message>
    <message>
        <source>Cannot Show x Values</source>
        <translation>Impossible d&apos;afficher les valeurs x</translation>
    </message>
    <message>
        <source>{name}: {problem}.

The data on show stay as they were.</source>
        <translation>{name} : {problem}.

Les données affichées restent telles quelles.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Leaky ReLU calculator {version}&lt;/h3&gt;&lt;p&gt;f(x) = x if x &amp;gt; 0, else alpha&amp;middot;x.&lt;br&gt;f&apos;(x) = 1 if x &amp;gt; 0, else alpha &amp;mdash; so f&apos;(0) = alpha, as in PyTorch and TensorFlow; x = 0 belongs to the alpha branch.&lt;/p&gt;&lt;p&gt;Every value is the double nearest the exact decimal result of the inputs as typed, shown in its shortest form.&lt;/p&gt;&lt;p&gt;Offline; no data leaves this computer.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Calculatrice Leaky ReLU {version}&lt;/h3&gt;&lt;p&gt;f(x) = x si x &amp;gt; 0, sinon alpha&amp;middot;x.&lt;br&gt;f&apos;(x) = 1 si x &amp;gt; 0, sinon alpha &amp;mdash; donc f&apos;(0) = alpha, comme dans PyTorch et TensorFlow ; x = 0 appartient à la branche alpha.&lt;/p&gt;&lt;p&gt;Chaque valeur est le double le plus proche du résultat décimal exact des entrées telles que saisies, affiché sous sa forme la plus courte.&lt;/p&gt;&lt;p&gt;Hors ligne ; aucune donnée ne quitte cet ordinateur.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Leaky ReLU Calculator</source>
        <translation>À propos de la Calculatrice Leaky ReLU</translation>
    </message>
    <message>
        <source>{count} points, x from {low} to {high}, zero crossing: {crossing}</source>
        <translation>{count} points, x de {low} à {high}, passage par zéro : {crossing}</translation>
    </message>
    <message>
        <source>{name}: {count} decimal values</source>
        <translation>{name} : {count} valeurs décimales</translation>
    </message>
    <message>
        <source>{name}: {count} decimal value</source>
        <translation>{name} : {count} valeur décimale</translation>
    </message>
    <message>
        <source>{name}: {count} {kind} values</source>
        <translation>{name} : {count} valeurs {kind}</translation>
    </message>
    <message>
        <source>{name}: {count} {kind} value</source>
        <translation>{name} : {count} valeur {kind}</translation>
    </message>
    <message>
        <source> (shape {shape}, flattened in C order)</source>
        <translation> (forme {shape}, aplatie dans l’ordre C)</translation>
    </message>
    <message>
        <source>; {nan} NaN, {inf} infinite</source>
        <translation> ; {nan} NaN, {inf} infinies</translation>
    </message>
</context>
<context>
    <name>Memory</name>
    <message>
        <source>{file} (your x values last time) has moved or gone; showing the sweep.</source>
        <extracomment>Checkable actions by their WindowState names (show_derivative, csv_pinned, ...). Splitters by their WindowState names (main_splitter, ...).</extracomment>
        <translation>{file} (vos valeurs x de la dernière fois) a été déplacé ou supprimé ; affichage du balayage.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Follow Desktop</source>
        <translation>&amp;Suivre le bureau</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Leaky ReLU Calculator will speak {language} from its next start.</source>
        <translation>La Calculatrice Leaky ReLU parlera {language} à son prochain démarrage.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open x Values…</source>
        <translation>&amp;Ouvrir des valeurs x…</translation>
    </message>
    <message>
        <source>Open your own x values: a column of a CSV, TSV or text file, or a .npy array (Ctrl+O); dropping a file on the window does the same</source>
        <translation>Ouvrir vos propres valeurs x : une colonne d&apos;un fichier CSV, TSV ou texte, ou un tableau .npy (Ctrl+O) ; déposer un fichier sur la fenêtre fait de même</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>Write the whole sweep to a CSV file (Ctrl+E)</source>
        <translation>Écrire tout le balayage dans un fichier CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>CSV: Include f&apos;(x) Columns</source>
        <translation>CSV : inclure les colonnes f&apos;(x)</translation>
    </message>
    <message>
        <source>Exports get one f&apos;(x) column per alpha</source>
        <translation>Les exports contiennent une colonne f&apos;(x) par alpha</translation>
    </message>
    <message>
        <source>CSV: Include Pinned Alphas</source>
        <translation>CSV : inclure les alphas épinglés</translation>
    </message>
    <message>
        <source>Exports get one f(x) column per pinned alpha</source>
        <translation>Les exports contiennent une colonne f(x) par alpha épinglé</translation>
    </message>
    <message>
        <source>Decimal &amp;Comma in CSV and Copied Rows</source>
        <translation>&amp;Virgule décimale dans le CSV et les lignes copiées</translation>
    </message>
    <message>
        <source>Exports get &apos;;&apos; between columns and &apos;,&apos; as the decimal point, as spreadsheets expect in decimal-comma locales (de, fr, es, pt, ...)</source>
        <translation>Les exports utilisent &apos;;&apos; entre les colonnes et &apos;,&apos; comme séparateur décimal, comme l&apos;attendent les tableurs dans les langues à virgule décimale (de, fr, es, pt, ...)</translation>
    </message>
    <message>
        <source>Export &amp;Plot Image…</source>
        <translation>Exporter l&apos;image du &amp;graphique…</translation>
    </message>
    <message>
        <source>Save the plot with its legend as PNG (2x size) or SVG (Ctrl+Shift+E)</source>
        <translation>Enregistrer le graphique avec sa légende en PNG (taille x2) ou SVG (Ctrl+Maj+E)</translation>
    </message>
    <message>
        <source>Plot Images in &amp;Screen Colours</source>
        <translation>Images du graphique aux &amp;couleurs de l&apos;écran</translation>
    </message>
    <message>
        <source>Exported and copied plot images in the colours on screen (dark on a dark theme); off: light, ready to print</source>
        <translation>Images exportées et copiées aux couleurs de l&apos;écran (sombres avec un thème sombre) ; désactivé : claires, prêtes à imprimer</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>&amp;Copier les lignes</translation>
    </message>
    <message>
        <source>Copy Plot &amp;Image</source>
        <translation>Copier l&apos;&amp;image du graphique</translation>
    </message>
    <message>
        <source>Paste x &amp;Values</source>
        <translation>Coller des &amp;valeurs x</translation>
    </message>
    <message>
        <source>Show f for a column of numbers copied from a spreadsheet (Ctrl+Shift+V): the first numeric column, a header row skipped</source>
        <translation>Afficher f pour une colonne de nombres copiée d&apos;un tableur (Ctrl+Maj+V) : la première colonne numérique, une ligne d&apos;en-tête ignorée</translation>
    </message>
    <message>
        <source>&amp;Reset Inputs to Defaults</source>
        <translation>&amp;Réinitialiser les entrées</translation>
    </message>
    <message>
        <source>A&amp;lpha</source>
        <translation>A&amp;lpha</translation>
    </message>
    <message>
        <source>&amp;Pin Current Alpha</source>
        <translation>Épingler l&apos;alpha ac&amp;tuel</translation>
    </message>
    <message>
        <source>Pin alpha</source>
        <translation>Épingler alpha</translation>
    </message>
    <message>
        <source>Keep the current alpha on the plot for comparison (Ctrl+P)</source>
        <translation>Garder l&apos;alpha actuel sur le graphique pour comparer (Ctrl+P)</translation>
    </message>
    <message>
        <source>Set alpha to a preset</source>
        <translation>Régler alpha sur un préréglage</translation>
    </message>
    <message>
        <source>Pin a Pr&amp;eset</source>
        <translation>&amp;Épingler un préréglage</translation>
    </message>
    <message>
        <source>Slide alpha</source>
        <translation>Faire glisser alpha</translation>
    </message>
    <message>
        <source>Pla&amp;y Alpha Slider</source>
        <translation>A&amp;nimer le curseur alpha</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Animer</translation>
    </message>
    <message>
        <source>Slide alpha back and forth over the slider&apos;s range, 5 s a pass; Escape, typing or Ctrl+Shift+P stops it</source>
        <translation>Faire aller et venir alpha sur la plage du curseur, 5 s par passage ; Échap, une saisie ou Ctrl+Maj+P l&apos;arrête</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>Show &amp;Derivative f&apos;(x)</source>
        <translation>Afficher la &amp;dérivée f&apos;(x)</translation>
    </message>
    <message>
        <source>Show &amp;ReLU Reference (alpha = 0)</source>
        <translation>Afficher la référence &amp;ReLU (alpha = 0)</translation>
    </message>
    <message>
        <source>Show &amp;Identity Line y = x</source>
        <translation>Afficher la droite &amp;identité y = x</translation>
    </message>
    <message>
        <source>&amp;Back to Sweep</source>
        <translation>Retour au &amp;balayage</translation>
    </message>
    <message>
        <source>Show the sweep of the boxes again instead of your own x values</source>
        <translation>Afficher de nouveau le balayage des champs au lieu de vos propres valeurs x</translation>
    </message>
    <message>
        <source>&amp;Fit Plot to Curves</source>
        <translation>&amp;Ajuster le graphique aux courbes</translation>
    </message>
    <message>
        <source>Fit &amp;Negative Branch</source>
        <translation>Ajuster à la branche &amp;négative</translation>
    </message>
    <message>
        <source>Show x from the sweep&apos;s lowest x up to 0, and every visible curve there (Ctrl+Shift+N)</source>
        <translation>Afficher x du plus petit x du balayage jusqu&apos;à 0, et chaque courbe visible sur cet intervalle (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>Show &amp;Legend</source>
        <translation>Afficher la &amp;légende</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>S&amp;ombre</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>Lan&amp;gue</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;About Leaky ReLU Calculator</source>
        <translation>À &amp;propos de la Calculatrice Leaky ReLU</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>Layer statistics</source>
        <translation>Statistiques par couche</translation>
    </message>
    <message>
        <source>L&amp;ayer Statistics</source>
        <translation>&amp;Statistiques par couche</translation>
    </message>
    <message>
        <source>What each alpha on show does to a deep network: statistics and the signal through depth (Ctrl+Shift+L)</source>
        <translation>L&apos;effet de chaque alpha affiché sur un réseau profond : statistiques et signal selon la profondeur (Ctrl+Maj+L)</translation>
    </message>
</context>
<context>
    <name>PlotItem</name>
    <message>
        <source>Plot Options</source>
        <translation>Options du graphique</translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation>Transformations</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>Sous-échantillonner</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grille</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
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
        <translation>couche LeakyReLU de Keras</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>identité</translation>
    </message>
    <message>
        <source>PyTorch PReLU initial</source>
        <translation>PyTorch PReLU, valeur initiale</translation>
    </message>
    <message>
        <source>PyTorch RReLU eval mode</source>
        <translation>PyTorch RReLU, mode évaluation</translation>
    </message>
    <message>
        <source>Negative alpha is unusual: f then rises again for x &lt; 0 instead of leaking downwards</source>
        <translation>Un alpha négatif est inhabituel : f remonte alors pour x &lt; 0 au lieu de descendre doucement</translation>
    </message>
    <message>
        <source>alpha &gt; 1 is unusual: the x &lt;= 0 side is then steeper than the x &gt; 0 side</source>
        <translation>Un alpha supérieur à 1 est inhabituel : le côté x &lt;= 0 est alors plus raide que le côté x &gt; 0</translation>
    </message>
    <message>
        <source>float64 (exact)</source>
        <translation>float64 (exact)</translation>
    </message>
</context>
<context>
    <name>SingleXPanel</name>
    <message>
        <source>Type an x above to evaluate f(x) and f&apos;(x).</source>
        <translation>Saisissez un x ci-dessus pour évaluer f(x) et f&apos;(x).</translation>
    </message>
    <message>
        <source>Evaluate one x</source>
        <translation>Évaluer un x</translation>
    </message>
    <message>
        <source>Single x</source>
        <translation>Un seul x</translation>
    </message>
    <message>
        <source>e.g. -2 or 1e-3</source>
        <translation>p. ex. -2 ou 1e-3</translation>
    </message>
    <message>
        <source>Type one x to evaluate f(x) and f&apos;(x) directly for the current alpha</source>
        <translation>Saisissez un x pour évaluer f(x) et f&apos;(x) directement pour l&apos;alpha actuel</translation>
    </message>
    <message>
        <source>Single &amp;x:</source>
        <translation>Un seul &amp;x :</translation>
    </message>
    <message>
        <source>Cannot evaluate: {problem}</source>
        <translation>Évaluation impossible : {problem}</translation>
    </message>
    <message>
        <source>x is held as {x}; </source>
        <translation>x est stocké comme {x} ; </translation>
    </message>
    <message>
        <source>{precision}: {held}f(x) is {note}</source>
        <translation>{precision} : {held}f(x) vaut {note}</translation>
    </message>
</context>
<context>
    <name>SweepPlot</name>
    <message>
        <source>Leaky ReLU   f(x) = x if x &gt; 0, else alpha·x</source>
        <translation>Leaky ReLU   f(x) = x si x &gt; 0, sinon alpha·x</translation>
    </message>
    <message>
        <source>Plot of f(x) for the current and pinned alphas</source>
        <translation>Graphique de f(x) pour l&apos;alpha actuel et les alphas épinglés</translation>
    </message>
    <message>
        <source>Drag to pan, wheel to zoom, A or Ctrl+0 fits the view; the line under the plot reads x and every visible curve&apos;s f(x) at the mouse</source>
        <translation>Glisser pour déplacer, molette pour zoomer, A ou Ctrl+0 ajuste la vue ; la ligne sous le graphique lit x et f(x) de chaque courbe visible à la souris</translation>
    </message>
    <message>
        <source>Drag to pan, wheel to zoom, right-click for more; A or Ctrl+0 fits the view again</source>
        <translation>Glisser pour déplacer, molette pour zoomer, clic droit pour plus ; A ou Ctrl+0 ajuste de nouveau la vue</translation>
    </message>
    <message>
        <source>f&apos;(x), dashed</source>
        <translation>f&apos;(x), en tirets</translation>
    </message>
    <message>
        <source>ReLU reference (alpha = 0)</source>
        <translation>référence ReLU (alpha = 0)</translation>
    </message>
    <message>
        <source>identity y = x</source>
        <translation>identité y = x</translation>
    </message>
    <message>
        <source>zero crossing, i = {i}</source>
        <translation>passage par zéro, i = {i}</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>identité</translation>
    </message>
</context>
<context>
    <name>SweepTableModel</name>
    <message>
        <source>The sweep reaches x = 0 here: the kink of f</source>
        <extracomment>What marks the zero-crossing row&apos;s cells.</extracomment>
        <translation>Le balayage atteint x = 0 ici : le coude de f</translation>
    </message>
    <message>
        <source>{precision} holds f(x) as {note}</source>
        <translation>{precision} stocke f(x) comme {note}</translation>
    </message>
</context>
<context>
    <name>SweepTableView</name>
    <message>
        <source>Sweep table</source>
        <extracomment>The narrowest the index column and the number columns get, so that short numbers breathe. A line for the status bar and how long to show it, in ms.</extracomment>
        <translation>Tableau du balayage</translation>
    </message>
    <message>
        <source>Columns i, x, f(x) and f&apos;(x) for the current alpha, then f(x) per pinned alpha; arrows move between cells, Ctrl+C copies the selected rows</source>
        <translation>Colonnes i, x, f(x) et f&apos;(x) pour l&apos;alpha actuel, puis f(x) par alpha épinglé ; les flèches passent d&apos;une cellule à l&apos;autre, Ctrl+C copie les lignes sélectionnées</translation>
    </message>
    <message>
        <source>Ctrl+C copies the selected rows as tab-separated text, ready to paste into a spreadsheet</source>
        <extracomment>The headers&apos; own selection models, which stay empty (one per header).</extracomment>
        <translation>Ctrl+C copie les lignes sélectionnées en texte séparé par des tabulations, prêt à coller dans un tableur</translation>
    </message>
    <message>
        <source>Nothing copied: {total} rows are selected and the clipboard takes at most {limit} rows. Use File &gt; Export CSV… ({keys}) for all of them.</source>
        <extracomment>Copy numbers with &apos;,&apos; as the decimal point (for decimal-comma spreadsheets).</extracomment>
        <translation>Rien n&apos;a été copié : {total} lignes sont sélectionnées et le presse-papiers en prend au plus {limit}. Utilisez Fichier &gt; Exporter en CSV… ({keys}) pour toutes.</translation>
    </message>
    <message>
        <source>Select rows in the table to copy them.</source>
        <translation>Sélectionnez des lignes du tableau pour les copier.</translation>
    </message>
    <message>
        <source>Copied {count} rows (tab-separated, with the header).</source>
        <translation>{count} lignes copiées (séparées par des tabulations, avec l&apos;en-tête).</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>Leaky ReLU Calculator: User Guide</source>
        <translation>Calculatrice Leaky ReLU : guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>User guide</source>
        <extracomment>Screenshots are shown at most this wide (logical pixels), so that they fit the window.</extracomment>
        <translation>Guide de l&apos;utilisateur</translation>
    </message>
</context>
<context>
    <name>ValuesController</name>
    <message>
        <source>Numbers (*.csv *.tsv *.txt *.npy *.gz *.bz2 *.xz);;CSV or TSV (*.csv *.tsv);;Text (*.txt);;NumPy array (*.npy);;Compressed text (*.gz *.bz2 *.xz);;All files (*)</source>
        <extracomment>Statistics of many values are worked out once input has paused this long (ms).</extracomment>
        <translation>Nombres (*.csv *.tsv *.txt *.npy *.gz *.bz2 *.xz);;CSV ou TSV (*.csv *.tsv);;Texte (*.txt);;Tableau NumPy (*.npy);;Texte compressé (*.gz *.bz2 *.xz);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>pasted values</source>
        <translation>valeurs collées</translation>
    </message>
    <message>
        <source>not enough memory to hold these values</source>
        <translation>mémoire insuffisante pour ces valeurs</translation>
    </message>
    <message>
        <source>not enough memory</source>
        <translation>mémoire insuffisante</translation>
    </message>
    <message>
        <source>Open x Values</source>
        <extracomment>A line for the status bar and how long to show it in ms (0: until the next one). A quiet read (the last file, at start) failed: why. The progress of the read that runs (None when none runs). The newest request, started once input pauses and no job runs. Where the last file came from; the open dialog starts there. &apos;&apos; for the home folder. Decimal commas in text: None decides from the text (and the locale).</extracomment>
        <translation>Ouvrir des valeurs x</translation>
    </message>
    <message>
        <source>Paste x Values: the clipboard holds no text; copy a column of numbers first.</source>
        <translation>Coller des valeurs x : le presse-papiers ne contient pas de texte ; copiez d&apos;abord une colonne de nombres.</translation>
    </message>
    <message>
        <source>Values are being read already; wait for them or cancel.</source>
        <translation>Des valeurs sont déjà en cours de lecture ; attendez-les ou annulez.</translation>
    </message>
    <message>
        <source>Reading x Values</source>
        <translation>Lecture des valeurs x</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Lecture de {name}…</translation>
    </message>
    <message>
        <source>Reading {name} cancelled; the data on show stay as they were.</source>
        <translation>Lecture de {name} annulée ; les données affichées restent telles quelles.</translation>
    </message>
    <message>
        <source>Could not read the values: {reason}</source>
        <translation>Impossible de lire les valeurs : {reason}</translation>
    </message>
    <message>
        <source>Cannot Read x Values</source>
        <translation>Impossible de lire les valeurs x</translation>
    </message>
    <message>
        <source>{reason}

The data on show stay as they were.</source>
        <translation>{reason}

Les données affichées restent telles quelles.</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <source>ViewBox options</source>
        <extracomment>pyqtgraph&apos;s right-click menu on the plots, translated in its own contexts (pyqtgraph asks QCoreApplication.translate); its dialogs (Plot Options&apos; forms, Export...) stay English.</extracomment>
        <translation>Options de la vue</translation>
    </message>
    <message>
        <source>View All</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>axis</source>
        <translation>axe</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>Mode de la souris</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>3 boutons</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>1 bouton</translation>
    </message>
</context>
<context>
    <name>XHistogram</name>
    <message>
        <source>where the x lie (histogram)</source>
        <extracomment>Up to this many values the histogram of x is worked out at once (a few ms).</extracomment>
        <translation>où se trouvent les x (histogramme)</translation>
    </message>
</context>
</TS>
