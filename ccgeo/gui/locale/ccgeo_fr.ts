<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <source>ccgeo desktop app: where people can and cannot reach cancer diagnostic labs.</source>
        <extracomment>Window size of ``--screenshot`` renders, pixels: the workshop laptop (``--size`` changes it).</extracomment>
        <translation>Application de bureau ccgeo : où la population peut et ne peut pas atteindre les laboratoires de diagnostic du cancer.</translation>
    </message>
    <message>
        <source>a .ccgeo project file to open (default: the last project opened, or the synthetic demo city on first start; with --screenshot: the demo city)</source>
        <translation>un fichier de projet .ccgeo à ouvrir (par défaut : le dernier projet ouvert, ou la ville de démonstration synthétique au premier lancement ; avec --screenshot : la ville de démonstration)</translation>
    </message>
    <message>
        <source>render the window to OUT.png once the project is loaded and its analysis run, then exit</source>
        <translation>enregistrer la fenêtre dans OUT.png une fois le projet chargé et son analyse lancée, puis quitter</translation>
    </message>
    <message>
        <source>with --screenshot: show the project as loaded, without running the analysis</source>
        <translation>avec --screenshot : montrer le projet tel que chargé, sans lancer l’analyse</translation>
    </message>
    <message>
        <source>with --screenshot: the window size in pixels (default: 1366x768, a workshop laptop)</source>
        <translation>avec --screenshot : la taille de la fenêtre en pixels (par défaut : 1366x768, un portable d’atelier)</translation>
    </message>
    <message>
        <source>with --screenshot: show the facility import wizard&apos;s validation of FILE</source>
        <translation>avec --screenshot : montrer la validation de FILE dans l’assistant d’import des structures</translation>
    </message>
    <message>
        <source>the language of the app: {languages} (default: the one chosen in Edit ▸ Preferences, else the system&apos;s)</source>
        <translation>la langue de l’application : {languages} (par défaut : celle choisie dans Édition ▸ Préférences, sinon celle du système)</translation>
    </message>
    <message>
        <source>the size should be WIDTHxHEIGHT in pixels, such as 1366x768; got {text}</source>
        <translation>la taille doit être LARGEURxHAUTEUR en pixels, comme 1366x768 ; reçu : {text}</translation>
    </message>
    <message>
        <source>the size {text} is out of range (320x240 to 8000x8000 pixels)</source>
        <translation>la taille {text} est hors limites (de 320x240 à 8000x8000 pixels)</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <extracomment>References to ``None`` added by `guard_none_refcount` (never reached by real use: 2^40).</extracomment>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>ccgeo: could not write the screenshot {path}</source>
        <translation>ccgeo : impossible d’écrire la capture d’écran {path}</translation>
    </message>
    <message>
        <source>Untitled project</source>
        <extracomment>Seconds of quiet after an edit before the burst of edits is autosaved. `ccgeo.project.UNTITLED` as the app shows it (`tr` where shown).
----------
`UNTITLED` as the app shows it (`tr` where shown).
----------
The name of a project never named (`ccgeo.project.UNTITLED`), as the title bar shows it.</extracomment>
        <translation>Projet sans titre</translation>
    </message>
    <message>
        <source>ccgeo closed unexpectedly: restore the unsaved changes to “{name}” from {when}?

No deletes them.</source>
        <translation>ccgeo s’est fermé de façon inattendue : restaurer les modifications non enregistrées de « {name} » de {when} ?

Non les supprime.</translation>
    </message>
    <message>
        <source>ccgeo closed unexpectedly: restore the unsaved changes to “{name}” ({path}) from {when}?

No deletes them.</source>
        <translation>ccgeo s’est fermé de façon inattendue : restaurer les modifications non enregistrées de « {name} » ({path}) de {when} ?

Non les supprime.</translation>
    </message>
    <message>
        <source>Autosaving…</source>
        <translation>Enregistrement automatique…</translation>
    </message>
    <message>
        <source>Restoring the unsaved changes…</source>
        <translation>Restauration des modifications non enregistrées…</translation>
    </message>
    <message>
        <source>the recovery file has gone; nothing to restore</source>
        <translation>le fichier de récupération a disparu ; rien à restaurer</translation>
    </message>
    <message>
        <source>Autosave failed (your project file is untouched): {error}</source>
        <extracomment>When False nothing is written (screenshot runs).</extracomment>
        <translation>L’enregistrement automatique a échoué (votre fichier de projet est intact) : {error}</translation>
    </message>
    <message>
        <source>Base map ({file})</source>
        <extracomment>The base maps of View ▸ Base map, in menu order.</extracomment>
        <translation>Fond de carte ({file})</translation>
    </message>
    <message>
        <source>Base map: {file}</source>
        <extracomment>The bottom layer of the base map after the last `arrange` (None: no base map).</extracomment>
        <translation>Fond de carte : {file}</translation>
    </message>
    <message>
        <source>Base map: OpenStreetMap tiles load in the background and are kept for offline use</source>
        <translation>Fond de carte : les tuiles OpenStreetMap se chargent en arrière-plan et sont gardées pour un usage hors ligne</translation>
    </message>
    <message>
        <source>Base map: this project has no OpenStreetMap land use, water or place names; import its roads from an OSM file (.osm.pbf) to draw them</source>
        <translation>Fond de carte : ce projet n’a ni occupation du sol, ni eau, ni noms de lieux OpenStreetMap ; importez ses routes depuis un fichier OSM (.osm.pbf) pour les dessiner</translation>
    </message>
    <message>
        <source>Base map: drawn offline from the project&apos;s OpenStreetMap data ({areas} areas, {lines} rivers and streams, {places} place names)</source>
        <translation>Fond de carte : dessiné hors ligne à partir des données OpenStreetMap du projet ({areas} zones, {lines} rivières et ruisseaux, {places} noms de lieux)</translation>
    </message>
    <message>
        <source>Base map: none; the roads and districts are the base map</source>
        <translation>Fond de carte : aucun ; les routes et les districts servent de fond de carte</translation>
    </message>
    <message>
        <source>The second scenario: drag or zoom either map and both follow</source>
        <extracomment>The second map (made on first use).</extracomment>
        <translation>Le second scénario : faites glisser ou zoomez l’une ou l’autre carte et les deux suivent</translation>
    </message>
    <message>
        <source>Base map unavailable offline: showing cached tiles only; the roads are the base map</source>
        <extracomment>Status-bar text when tiles cannot be fetched (English; shown through `tr`).</extracomment>
        <translation>Fond de carte indisponible hors ligne : seules les tuiles en cache sont affichées ; les routes servent de fond de carte</translation>
    </message>
    <message>
        <source>OpenStreetMap base map</source>
        <extracomment>The name of the web tiles&apos; layer (English; shown through `tr`).</extracomment>
        <translation>Fond de carte OpenStreetMap</translation>
    </message>
    <message>
        <source>© OpenStreetMap contributors</source>
        <extracomment>More tiles than this on one screen means the zoom is too deep for it: use a coarser level. How many zoom levels up a missing tile may borrow a blurrier ancestor from the cache. Seconds to wait after a connection failure before trying the server again. Called from `paint` with the tiles it lacks and the stale ones it drew, centre first. Tiles drawn by the last `paint` (exact or borrowed from an ancestor).</extracomment>
        <translation>© contributeurs d’OpenStreetMap</translation>
    </message>
    <message>
        <source>cannot write the tile cache {folder} ({reason})</source>
        <translation>impossible d’écrire le cache de tuiles {folder} ({reason})</translation>
    </message>
    <message>
        <source>Base map: some tiles could not be loaded ({reason})</source>
        <extracomment>Tiles requested from the server this session (for tests and the log).</extracomment>
        <translation>Fond de carte : certaines tuiles n’ont pas pu être chargées ({reason})</translation>
    </message>
    <message>
        <source>Base map: {problem}</source>
        <translation>Fond de carte : {problem}</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>value</comment>
        <extracomment>A click finds facilities whose symbol centre is this close, screen pixels. A click finds the road this close to the cursor, screen pixels. A press and release farther apart than this is a drag (a box), not a click, pixels. Colour of the selection highlight and of the select box.</extracomment>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>no population layer</source>
        <translation>pas de couche de population</translation>
    </message>
    <message>
        <source>not tagged</source>
        <translation>non renseignée</translation>
    </message>
    <message>
        <source>Road: {road_class}</source>
        <translation>Route : {road_class}</translation>
    </message>
    <message>
        <source>no people</source>
        <extracomment>Bar colours: covered share, and the rest of the district&apos;s people. The Lancet Commission on Global Surgery target: 80 % within 2 h (a reference line).</extracomment>
        <translation>aucune personne</translation>
    </message>
    <message>
        <source>target {percent}</source>
        <translation>cible {percent}</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <extracomment>The distributions whose versions a bundle lists. Lines of the session log kept (the oldest go first).</extracomment>
        <translation>Enregistrer le &amp;diagnostic…</translation>
    </message>
    <message>
        <source>Save a zip for a bug report: this session&apos;s log, the versions, the project&apos;s settings and import reports, never its data</source>
        <translation>Enregistrer un zip pour signaler un bogue : le journal de cette session, les versions, les paramètres du projet et ses rapports d’import, jamais ses données</translation>
    </message>
    <message>
        <source>Save diagnostics</source>
        <translation>Enregistrer le diagnostic</translation>
    </message>
    <message>
        <source>Zip archive (*.zip)</source>
        <translation>Archive zip (*.zip)</translation>
    </message>
    <message>
        <source>Could not save the diagnostics</source>
        <translation>Impossible d’enregistrer le diagnostic</translation>
    </message>
    <message>
        <source>Diagnostics saved to {path} (no data of the project)</source>
        <translation>Diagnostic enregistré dans {path} (aucune donnée du projet)</translation>
    </message>
    <message>
        <source>Imported roads from {source}</source>
        <extracomment>Drawing order of the project&apos;s own layers, bottom to top (as `layers_from_project` builds). The status line after a layer import, by kind (translated where shown).</extracomment>
        <translation>Routes importées depuis {source}</translation>
    </message>
    <message>
        <source>Imported population from {source}</source>
        <translation>Population importée depuis {source}</translation>
    </message>
    <message>
        <source>Imported districts from {source}</source>
        <translation>Districts importés depuis {source}</translation>
    </message>
    <message>
        <source>a new roads layer was imported</source>
        <extracomment>Why the results are out of date after a layer import, by kind (translated where shown).</extracomment>
        <translation>une nouvelle couche de routes a été importée</translation>
    </message>
    <message>
        <source>a new population layer was imported</source>
        <translation>une nouvelle couche de population a été importée</translation>
    </message>
    <message>
        <source>a new districts layer was imported</source>
        <translation>une nouvelle couche de districts a été importée</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>Table d’attributs</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>{tip} ({shortcut})</source>
        <extracomment>Each action with the English of its text and tip, and its shortcut (`retranslate`).</extracomment>
        <translation>{tip} ({shortcut})</translation>
    </message>
    <message>
        <source>&amp;Facilities…</source>
        <translation>&amp;Structures…</translation>
    </message>
    <message>
        <source>Import a facility spreadsheet or point layer, checking every row</source>
        <translation>Importer un tableur ou une couche de points de structures, en vérifiant chaque ligne</translation>
    </message>
    <message>
        <source>&amp;Roads…</source>
        <translation>&amp;Routes…</translation>
    </message>
    <message>
        <source>Load the road network from a file, or download it by place name</source>
        <translation>Charger le réseau routier depuis un fichier, ou le télécharger par nom de lieu</translation>
    </message>
    <message>
        <source>&amp;Population…</source>
        <translation>&amp;Population…</translation>
    </message>
    <message>
        <source>Load population from a raster, a table or a point layer</source>
        <translation>Charger la population depuis un raster, un tableau ou une couche de points</translation>
    </message>
    <message>
        <source>&amp;Districts…</source>
        <translation>&amp;Districts…</translation>
    </message>
    <message>
        <source>Load district boundaries</source>
        <translation>Charger les limites des districts</translation>
    </message>
    <message>
        <source>&amp;Attribute table</source>
        <translation>&amp;Table d’attributs</translation>
    </message>
    <message>
        <source>Show the facilities, districts and import reports as tables</source>
        <translation>Afficher les structures, les districts et les rapports d’import sous forme de tableaux</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>&amp;Problèmes</translation>
    </message>
    <message>
        <source>What the data lacked or what ccgeo changed behind the results: rows rejected or changed on import, people outside the roads or in no district; double-click a row to show its facility</source>
        <translation>Ce qui manquait aux données ou ce que ccgeo a changé derrière les résultats : lignes rejetées ou modifiées à l’import, personnes hors des routes ou dans aucun district ; double-cliquez sur une ligne pour montrer sa structure</translation>
    </message>
    <message>
        <source>I&amp;dentify</source>
        <translation>I&amp;dentifier</translation>
    </message>
    <message>
        <source>Click anywhere on the map: the features there and the travel time to the nearest lab</source>
        <translation>Cliquez n’importe où sur la carte : les entités qui s’y trouvent et le temps de trajet jusqu’au laboratoire le plus proche</translation>
    </message>
    <message>
        <source>&amp;Select facilities</source>
        <translation>&amp;Sélectionner des structures</translation>
    </message>
    <message>
        <source>Click a facility or drag a box to select; Shift adds, Ctrl toggles</source>
        <translation>Cliquez sur une structure ou tracez un rectangle pour sélectionner ; Maj ajoute, Ctrl inverse</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>&amp;Effacer la sélection</translation>
    </message>
    <message>
        <source>Select no facility</source>
        <translation>Ne sélectionner aucune structure</translation>
    </message>
    <message>
        <source>Zoom to se&amp;lection</source>
        <translation>Zoom sur la sé&amp;lection</translation>
    </message>
    <message>
        <source>Show every selected facility on the map</source>
        <translation>Montrer sur la carte toutes les structures sélectionnées</translation>
    </message>
    <message>
        <source>Open attribute table</source>
        <translation>Ouvrir la table d’attributs</translation>
    </message>
    <message>
        <source>Click on the map with the Identify tool (I).</source>
        <translation>Cliquez sur la carte avec l’outil Identifier (I).</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>Non modifié : {reason}</translation>
    </message>
    <message>
        <source>Downloaded the roads of {place}</source>
        <translation>Routes de {place} téléchargées</translation>
    </message>
    <message>
        <source>{message} ({warning})</source>
        <translation>{message} ({warning})</translation>
    </message>
    <message>
        <source>not run yet</source>
        <translation>pas encore lancée</translation>
    </message>
    <message>
        <source>(none)</source>
        <extracomment>Rows of the file shown in the mapping preview. Shown in a mapping dropdown for &quot;no column holds this field&quot; (translated where shown).</extracomment>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Facility tables and point layers</source>
        <extracomment>Name of the file dialog&apos;s first filter, the one with every suffix (translated where shown).</extracomment>
        <translation>Tableaux de structures et couches de points</translation>
    </message>
    <message>
        <source>Code of the facility in its registry; made up from the row number if none</source>
        <extracomment>What each schema field means, for the dropdown tooltips (translated where shown).</extracomment>
        <translation>Code de la structure dans son registre ; à défaut, créé à partir du numéro de ligne</translation>
    </message>
    <message>
        <source>Name of the facility</source>
        <translation>Nom de la structure</translation>
    </message>
    <message>
        <source>Longitude, decimal degrees or degrees-minutes-seconds</source>
        <translation>Longitude, en degrés décimaux ou degrés-minutes-secondes</translation>
    </message>
    <message>
        <source>Latitude, decimal degrees or degrees-minutes-seconds</source>
        <translation>Latitude, en degrés décimaux ou degrés-minutes-secondes</translation>
    </message>
    <message>
        <source>One column with &apos;lat, lon&apos; or WKT POINT (lon lat), instead of lon and lat</source>
        <translation>Une colonne avec &apos;lat, lon&apos; ou WKT POINT (lon lat), au lieu de lon et lat</translation>
    </message>
    <message>
        <source>Takes biopsies (yes/no)</source>
        <translation>Fait des biopsies (oui/non)</translation>
    </message>
    <message>
        <source>Does cytology (yes/no)</source>
        <translation>Fait de la cytologie (oui/non)</translation>
    </message>
    <message>
        <source>Does histopathology (yes/no)</source>
        <translation>Fait de l’histopathologie (oui/non)</translation>
    </message>
    <message>
        <source>Does immunohistochemistry (yes/no)</source>
        <translation>Fait de l’immunohistochimie (oui/non)</translation>
    </message>
    <message>
        <source>Does in situ hybridisation, FISH (yes/no)</source>
        <translation>Fait de l’hybridation in situ, FISH (oui/non)</translation>
    </message>
    <message>
        <source>Does molecular testing, PCR (yes/no)</source>
        <translation>Fait de la biologie moléculaire, PCR (oui/non)</translation>
    </message>
    <message>
        <source>Does next-generation sequencing (yes/no)</source>
        <translation>Fait du séquençage de nouvelle génération (oui/non)</translation>
    </message>
    <message>
        <source>Does flow cytometry (yes/no)</source>
        <translation>Fait de la cytométrie en flux (oui/non)</translation>
    </message>
    <message>
        <source>One text column listing the tests done (&apos;IHC; PCR&apos;, &apos;biologia molecular&apos;)</source>
        <translation>Une colonne de texte listant les analyses faites (&apos;IHC; PCR&apos;, &apos;biologia molecular&apos;)</translation>
    </message>
    <message>
        <source>External quality assessment: international, national or none</source>
        <translation>Contrôle de qualité externe (EEQ) : international, national ou aucun</translation>
    </message>
    <message>
        <source>Accreditation: ISO 15189, CAP, other or none</source>
        <translation>Accréditation : ISO 15189, CAP, autre ou aucune</translation>
    </message>
    <message>
        <source>Tests per year the lab can do</source>
        <translation>Analyses par an que le laboratoire peut faire</translation>
    </message>
    <message>
        <source>Public, private, faith-based, NGO, military</source>
        <translation>Publique, privée, confessionnelle, ONG, militaire</translation>
    </message>
    <message>
        <source>Pathologists working at the lab (a count; optional)</source>
        <translation>Pathologistes travaillant au laboratoire (un nombre ; facultatif)</translation>
    </message>
    <message>
        <source>Molecular technologists or scientists at the lab (a count; optional)</source>
        <translation>Techniciens ou scientifiques en biologie moléculaire du laboratoire (un nombre ; facultatif)</translation>
    </message>
    <message>
        <source>All problems</source>
        <extracomment>The problems the validation step lists, by severity (``&quot;&quot;``: all), with the words of its filter (translated where shown).</extracomment>
        <translation>Tous les problèmes</translation>
    </message>
    <message>
        <source>Rejected (not imported)</source>
        <translation>Rejetées (non importées)</translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation>Signalées pour vérification</translation>
    </message>
    <message>
        <source>Fixed automatically</source>
        <translation>Corrigées automatiquement</translation>
    </message>
    <message>
        <source>Notes on the whole file</source>
        <translation>Remarques sur tout le fichier</translation>
    </message>
    <message>
        <source>facility_id</source>
        <comment>facility field</comment>
        <extracomment>Import modes of the last page.</extracomment>
        <translation>code</translation>
    </message>
    <message>
        <source>name</source>
        <comment>facility field</comment>
        <translation>nom</translation>
    </message>
    <message>
        <source>lon</source>
        <comment>facility field</comment>
        <translation>longitude</translation>
    </message>
    <message>
        <source>lat</source>
        <comment>facility field</comment>
        <translation>latitude</translation>
    </message>
    <message>
        <source>coordinates</source>
        <comment>facility field</comment>
        <translation>coordonnées</translation>
    </message>
    <message>
        <source>biopsy</source>
        <comment>facility field</comment>
        <translation>biopsie</translation>
    </message>
    <message>
        <source>cytology</source>
        <comment>facility field</comment>
        <translation>cytologie</translation>
    </message>
    <message>
        <source>histology</source>
        <comment>facility field</comment>
        <translation>histologie</translation>
    </message>
    <message>
        <source>ihc</source>
        <comment>facility field</comment>
        <translation>IHC</translation>
    </message>
    <message>
        <source>ish</source>
        <comment>facility field</comment>
        <translation>ISH</translation>
    </message>
    <message>
        <source>pcr</source>
        <comment>facility field</comment>
        <translation>PCR</translation>
    </message>
    <message>
        <source>ngs</source>
        <comment>facility field</comment>
        <translation>NGS</translation>
    </message>
    <message>
        <source>flow</source>
        <comment>facility field</comment>
        <translation>cytométrie</translation>
    </message>
    <message>
        <source>tests</source>
        <comment>facility field</comment>
        <translation>analyses</translation>
    </message>
    <message>
        <source>eqa</source>
        <comment>facility field</comment>
        <translation>EEQ</translation>
    </message>
    <message>
        <source>accreditation</source>
        <comment>facility field</comment>
        <translation>accréditation</translation>
    </message>
    <message>
        <source>capacity_tests_per_year</source>
        <comment>facility field</comment>
        <translation>capacité (analyses/an)</translation>
    </message>
    <message>
        <source>ownership</source>
        <comment>facility field</comment>
        <translation>statut</translation>
    </message>
    <message>
        <source>pathologists</source>
        <comment>facility field</comment>
        <translation>pathologistes</translation>
    </message>
    <message>
        <source>molecular_technologists</source>
        <comment>facility field</comment>
        <translation>techniciens en biologie moléculaire</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Lecture de {name}…</translation>
    </message>
    <message numerus="yes">
        <source>%n imported id(s) were already used in the project and were renamed: {ids}</source>
        <translation>
            <numerusform>%n identifiant importé était déjà utilisé dans le projet et a été renommé : {ids}</numerusform>
            <numerusform>%n identifiants importés étaient déjà utilisés dans le projet et ont été renommés : {ids}</numerusform>
        </translation>
    </message>
    <message>
        <source>check whether they are the same facilities; if so, remove the copies</source>
        <translation>vérifiez s’il s’agit des mêmes structures ; si oui, supprimez les copies</translation>
    </message>
    <message>
        <source>Choose the facility file</source>
        <translation>Choisissez le fichier des structures</translation>
    </message>
    <message>
        <source>A spreadsheet (CSV, Excel, OpenDocument), JSON records, or a point layer (GeoJSON, GeoPackage, Shapefile, KML/KMZ, also zipped); exports of DHIS2, ODK, KoboToolbox and Healthsites.io and HXL tagged sheets are recognised. Nothing is changed in the file.</source>
        <translation>Un tableur (CSV, Excel, OpenDocument), des enregistrements JSON ou une couche de points (GeoJSON, GeoPackage, Shapefile, KML/KMZ, aussi zippés) ; les exports de DHIS2, ODK, KoboToolbox et Healthsites.io et les feuilles balisées HXL sont reconnus. Le fichier n’est pas modifié.</translation>
    </message>
    <message>
        <source>Path of the facility file</source>
        <translation>Chemin du fichier des structures</translation>
    </message>
    <message>
        <source>The file to import; type a path or choose one with Browse</source>
        <translation>Le fichier à importer ; saisissez un chemin ou choisissez-en un avec Parcourir</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Choose the file in a file dialog</source>
        <translation>Choisir le fichier dans une boîte de dialogue</translation>
    </message>
    <message>
        <source>The sheet of the workbook that holds the facilities</source>
        <translation>La feuille du classeur qui contient les structures</translation>
    </message>
    <message>
        <source>The layer of the GeoPackage that holds the facilities</source>
        <translation>La couche du GeoPackage qui contient les structures</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Feuille :</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>Couche :</translation>
    </message>
    <message>
        <source>Import facilities</source>
        <translation>Importer des structures</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>Associer les colonnes</translation>
    </message>
    <message>
        <source>Each field of ccgeo is matched to a column of your file; the guess is filled in. Change any dropdown, or choose (none) when the file has no such column.</source>
        <translation>Chaque champ de ccgeo est associé à une colonne de votre fichier ; la proposition est déjà remplie. Modifiez une liste au besoin, ou choisissez (aucune) quand le fichier n’a pas cette colonne.</translation>
    </message>
    <message>
        <source>The first rows of the file, as read (every cell as text)</source>
        <translation>Les premières lignes du fichier, telles que lues (chaque cellule en texte)</translation>
    </message>
    <message>
        <source>Points more than 10 km outside the study area are rejected, closer ones flagged; without one, only far outliers are flagged</source>
        <translation>Les points à plus de 10 km hors de la zone d’étude sont rejetés, les plus proches signalés ; sans zone, seuls les points très éloignés sont signalés</translation>
    </message>
    <message>
        <source>Detect swapped latitude and longitude</source>
        <translation>Détecter latitude et longitude inversées</translation>
    </message>
    <message>
        <source>Put back, row by row, points that make sense only with latitude and longitude exchanged; each row changed is listed in the report</source>
        <translation>Rétablir, ligne par ligne, les points qui n’ont de sens qu’avec latitude et longitude échangées ; chaque ligne modifiée figure dans le rapport</translation>
    </message>
    <message>
        <source>Study area:</source>
        <translation>Zone d’étude :</translation>
    </message>
    <message>
        <source>What wrote the file, and what the import takes from it; change any dropdown below</source>
        <translation>Quel système a écrit le fichier et ce que l’import en retient ; modifiez toute liste déroulante ci-dessous</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field} :</translation>
    </message>
    <message>
        <source>Districts of the project ({count})</source>
        <translation>Districts du projet ({count})</translation>
    </message>
    <message>
        <source>None (flag far outliers only)</source>
        <translation>Aucune (signaler seulement les points très éloignés)</translation>
    </message>
    <message numerus="yes">
        <source>{rows} row(s), {columns} columns; the first {shown} shown.</source>
        <translation>
            <numerusform>{rows} ligne, {columns} colonnes ; les {shown} premières sont affichées.</numerusform>
            <numerusform>{rows} lignes, {columns} colonnes ; les {shown} premières sont affichées.</numerusform>
        </translation>
    </message>
    <message>
        <source>{column}
→ {field}</source>
        <translation>{column}
→ {field}</translation>
    </message>
    <message>
        <source>{column}
(not used)</source>
        <translation>{column}
(non utilisée)</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>Vérifier les lignes</translation>
    </message>
    <message>
        <source>Every row is imported or listed here with the reason it was not. Rows flagged for review are imported and marked on the map so that you can check them.</source>
        <translation>Chaque ligne est importée ou listée ici avec la raison pour laquelle elle ne l’a pas été. Les lignes signalées pour vérification sont importées et marquées sur la carte pour que vous puissiez les vérifier.</translation>
    </message>
    <message>
        <source>Show only problems of this kind</source>
        <translation>Afficher seulement les problèmes de ce type</translation>
    </message>
    <message>
        <source>Row numbers are as in the spreadsheet (the header is row 1)</source>
        <translation>Les numéros de ligne sont ceux du tableur (l’en-tête est la ligne 1)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <source>&lt;b&gt;{imported}&lt;/b&gt; imported · &lt;b&gt;{rejected}&lt;/b&gt; rejected · &lt;b&gt;{flagged}&lt;/b&gt; flagged for review (of {rows} rows)</source>
        <extracomment>The report of the last check, and what makes the status line (None: a worker&apos;s text).</extracomment>
        <translation>&lt;b&gt;{imported}&lt;/b&gt; importées · &lt;b&gt;{rejected}&lt;/b&gt; rejetées · &lt;b&gt;{flagged}&lt;/b&gt; signalées pour vérification (sur {rows} lignes)</translation>
    </message>
    <message numerus="yes">
        <source>Checked {count} row(s).</source>
        <translation>
            <numerusform>{count} ligne vérifiée.</numerusform>
            <numerusform>{count} lignes vérifiées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Vérification de chaque ligne…</translation>
    </message>
    <message>
        <source>The file cannot be imported with this mapping:</source>
        <translation>Le fichier ne peut pas être importé avec cette association de colonnes :</translation>
    </message>
    <message>
        <source>Import</source>
        <comment>wizard step</comment>
        <translation>Import</translation>
    </message>
    <message>
        <source>&amp;Replace the facilities of the project</source>
        <translation>&amp;Remplacer les structures du projet</translation>
    </message>
    <message>
        <source>The imported facilities take the place of the current ones</source>
        <translation>Les structures importées prennent la place des structures actuelles</translation>
    </message>
    <message>
        <source>&amp;Add them to the facilities of the project</source>
        <translation>&amp;Les ajouter aux structures du projet</translation>
    </message>
    <message>
        <source>Keep the current facilities and add these; repeated ids are renamed and flagged</source>
        <translation>Garder les structures actuelles et ajouter celles-ci ; les identifiants répétés sont renommés et signalés</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Replace the {count} facility(ies) of the project</source>
        <translation>
            <numerusform>&amp;Remplacer la {count} structure du projet</numerusform>
            <numerusform>&amp;Remplacer les {count} structures du projet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add them to the {count} facility(ies) of the project</source>
        <translation>
            <numerusform>&amp;Les ajouter à la {count} structure du projet</numerusform>
            <numerusform>&amp;Les ajouter aux {count} structures du projet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} facility(ies) will be imported, {review} of them flagged for review: they are marked in the attribute table, and the report is kept in the project (Layer ▸ Attribute table ▸ Import report).</source>
        <translation>
            <numerusform>{count} structure sera importée, dont {review} signalées pour vérification : elles sont marquées dans la table d’attributs, et le rapport est conservé dans le projet (Couche ▸ Table d’attributs ▸ Rapport d’import).</numerusform>
            <numerusform>{count} structures seront importées, dont {review} signalées pour vérification : elles sont marquées dans la table d’attributs, et le rapport est conservé dans le projet (Couche ▸ Table d’attributs ▸ Rapport d’import).</numerusform>
        </translation>
    </message>
    <message>
        <source>The step before (Alt+B)</source>
        <translation>L’étape précédente (Alt+B)</translation>
    </message>
    <message>
        <source>The next step (Alt+N)</source>
        <translation>L’étape suivante (Alt+N)</translation>
    </message>
    <message>
        <source>Go on; this step cannot be undone</source>
        <translation>Continuer ; cette étape ne peut pas être annulée</translation>
    </message>
    <message>
        <source>Import the facilities into the project (Alt+I)</source>
        <translation>Importer les structures dans le projet (Alt+I)</translation>
    </message>
    <message>
        <source>Close without importing anything (Esc)</source>
        <translation>Fermer sans rien importer (Échap)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Import roads</source>
        <extracomment>The layers these dialogs import.</extracomment>
        <translation>Importer les routes</translation>
    </message>
    <message>
        <source>Import population</source>
        <translation>Importer la population</translation>
    </message>
    <message>
        <source>Import districts</source>
        <translation>Importer les districts</translation>
    </message>
    <message>
        <source>Road networks</source>
        <extracomment>The kinds of file each dialog reads, and the name of its file-dialog filter.</extracomment>
        <translation>Réseaux routiers</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>District boundaries</source>
        <translation>Limites de districts</translation>
    </message>
    <message>
        <source>An OpenStreetMap extract (.osm.pbf from download.geofabrik.de or export.hotosm.org), an osmnx GraphML file, or road lines with a highway column. All travel modes are kept; an OpenStreetMap extract also gives the offline base map (water, parks, built-up land, place names).</source>
        <translation>Un extrait OpenStreetMap (.osm.pbf de download.geofabrik.de ou export.hotosm.org), un fichier GraphML d’osmnx, ou des lignes de routes avec une colonne highway. Tous les modes de transport sont conservés ; un extrait OpenStreetMap donne aussi le fond de carte hors ligne (eau, parcs, zones bâties, noms de lieux).</translation>
    </message>
    <message>
        <source>A population raster (GeoTIFF, people per cell), or a table or point layer with coordinates and a population column.</source>
        <translation>Un raster de population (GeoTIFF, personnes par cellule), ou un tableau ou une couche de points avec des coordonnées et une colonne de population.</translation>
    </message>
    <message>
        <source>District polygons (GeoJSON, GeoPackage, Shapefile or a zipped Shapefile). The population points are assigned to the new districts.</source>
        <translation>Polygones de districts (GeoJSON, GeoPackage, Shapefile ou Shapefile zippé). Les points de population sont rattachés aux nouveaux districts.</translation>
    </message>
    <message>
        <source>Drawing the layer…</source>
        <translation>Dessin de la couche…</translation>
    </message>
    <message>
        <source>Layer ready</source>
        <translation>Couche prête</translation>
    </message>
    <message>
        <source>Downloading the roads of {place}…</source>
        <translation>Téléchargement des routes de {place}…</translation>
    </message>
    <message>
        <source>Path of the file</source>
        <translation>Chemin du fichier</translation>
    </message>
    <message>
        <source>The file to read</source>
        <translation>Le fichier à lire</translation>
    </message>
    <message>
        <source>From a &amp;file</source>
        <translation>Depuis un &amp;fichier</translation>
    </message>
    <message>
        <source>&amp;Download by place name (needs internet)</source>
        <translation>&amp;Télécharger par nom de lieu (internet requis)</translation>
    </message>
    <message>
        <source>Read the roads from a file on this computer</source>
        <translation>Lire les routes depuis un fichier de cet ordinateur</translation>
    </message>
    <message>
        <source>Download the roads of a place from OpenStreetMap (needs an internet connection)</source>
        <translation>Télécharger les routes d’un lieu depuis OpenStreetMap (connexion internet requise)</translation>
    </message>
    <message>
        <source>e.g. Oaxaca de Juárez, Mexico</source>
        <translation>p. ex. Oaxaca de Juárez, Mexique</translation>
    </message>
    <message>
        <source>A place name OpenStreetMap&apos;s Nominatim knows</source>
        <translation>Un nom de lieu que connaît Nominatim d’OpenStreetMap</translation>
    </message>
    <message>
        <source>Keep only people inside the project&apos;s study area</source>
        <translation>Garder seulement les personnes dans la zone d’étude du projet</translation>
    </message>
    <message>
        <source>The study area is the districts&apos; union, else the road network&apos;s extent</source>
        <translation>La zone d’étude est l’union des districts, sinon l’emprise du réseau routier</translation>
    </message>
    <message>
        <source>From a folder of &amp;WorldPop age/sex rasters</source>
        <translation>Depuis un dossier de rasters âge/sexe &amp;WorldPop</translation>
    </message>
    <message>
        <source>One GeoTIFF per sex and age band, named like ken_f_15_2020.tif; the people by sex and age give the coverage of women, men and each age band</source>
        <translation>Un GeoTIFF par sexe et tranche d&apos;âge, nommé comme ken_f_15_2020.tif ; les personnes par sexe et âge donnent la couverture des femmes, des hommes et de chaque tranche d&apos;âge</translation>
    </message>
    <message>
        <source>Read the layer; it replaces the project&apos;s current one</source>
        <translation>Lire la couche ; elle remplace la couche actuelle du projet</translation>
    </message>
    <message>
        <source>Stop reading and close without changing the project (Esc)</source>
        <translation>Arrêter la lecture et fermer sans modifier le projet (Échap)</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Lieu :</translation>
    </message>
    <message>
        <source>Folder of WorldPop age/sex rasters</source>
        <translation>Dossier de rasters âge/sexe WorldPop</translation>
    </message>
    <message>
        <source>Choose a place name first.</source>
        <translation>Choisissez d’abord un nom de lieu.</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Choisissez d’abord un fichier.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Untick to leave “{label}” off the map</source>
        <translation>Décochez pour retirer « {label} » de la carte</translation>
    </message>
    <message>
        <source>Choose the colour of “{label}”</source>
        <translation>Choisir la couleur de « {label} »</translation>
    </message>
    <message>
        <source>Colour of {label}</source>
        <translation>Couleur de {label}</translation>
    </message>
    <message>
        <source>Style of {layer}</source>
        <translation>Style de {layer}</translation>
    </message>
    <message>
        <source>Colour every class from this ramp, nearest band darkest</source>
        <translation>Colorer chaque classe avec cette rampe, la bande la plus proche la plus foncée</translation>
    </message>
    <message>
        <source>Usual style</source>
        <translation>Style habituel</translation>
    </message>
    <message>
        <source>Back to the colours and sizes ccgeo draws by default</source>
        <translation>Revenir aux couleurs et tailles que ccgeo utilise par défaut</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Couleurs</translation>
    </message>
    <message>
        <source>Baseline (existing labs)</source>
        <extracomment>The outputs: an HTML map, a PDF report, data files, a printed report. Where a project keeps the language its map or report was last written in (its metadata). What the map and the report call the analysis of the existing labs.
----------
What the map and the report call the analysis of the existing labs (English: shown through `tr`).</extracomment>
        <translation>Situation actuelle (laboratoires existants)</translation>
    </message>
    <message>
        <source>Current what-if edits</source>
        <extracomment>Name of the scenario made of the live what-if edits.</extracomment>
        <translation>Modifications hypothétiques en cours</translation>
    </message>
    <message>
        <source>results.gpkg with one layer each: opens in QGIS</source>
        <extracomment>Each data format&apos;s name and what its files are.</extracomment>
        <translation>results.gpkg avec une couche par résultat : s’ouvre dans QGIS</translation>
    </message>
    <message>
        <source>one .geojson file per layer: for web maps and scripts</source>
        <translation>un fichier .geojson par couche : pour les cartes web et les scripts</translation>
    </message>
    <message>
        <source>one .parquet file per layer: for Python, R, DuckDB and QGIS 3.34+</source>
        <translation>un fichier .parquet par couche : pour Python, R, DuckDB et QGIS 3.34+</translation>
    </message>
    <message>
        <source>one .csv per table, and summary.json: opens in any spreadsheet</source>
        <translation>un .csv par tableau, et summary.json : s’ouvre dans tout tableur</translation>
    </message>
    <message>
        <source>results.xlsx with a sheet per table and a summary sheet</source>
        <translation>results.xlsx avec une feuille par tableau et une feuille de synthèse</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>US Letter (8.5 × 11 in)</source>
        <translation>Lettre US (8,5 × 11 po)</translation>
    </message>
    <message>
        <source>The map as on screen</source>
        <extracomment>What the report&apos;s maps show.</extracomment>
        <translation>La carte telle qu’à l’écran</translation>
    </message>
    <message>
        <source>The whole study area</source>
        <translation>Toute la zone d’étude</translation>
    </message>
    <message>
        <source>Draw an area on the map…</source>
        <translation>Dessiner une zone sur la carte…</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Paysage</translation>
    </message>
    <message>
        <source>Export interactive map (HTML)</source>
        <translation>Exporter la carte interactive (HTML)</translation>
    </message>
    <message>
        <source>Export map report (PDF)</source>
        <translation>Exporter le rapport cartographique (PDF)</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Exporter les données</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>Imprimer le rapport</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Aperçu…</translation>
    </message>
    <message>
        <source>One HTML file that opens in any browser, without internet: labs, catchment bands, underserved areas, districts with their coverage, population and roads.</source>
        <translation>Un fichier HTML qui s’ouvre dans tout navigateur, sans internet : laboratoires, bandes de desserte, zones mal desservies, districts avec leur couverture, population et routes.</translation>
    </message>
    <message>
        <source>A printable report: cover with the key numbers, the coverage map, coverage by district, underserved areas, methods and data sources.</source>
        <translation>Un rapport imprimable : couverture avec les chiffres clés, la carte de couverture, la couverture par district, les zones mal desservies, les méthodes et les sources des données.</translation>
    </message>
    <message>
        <source>The analysis as layers and tables other tools open: demand points with their travel times, labs, catchment bands, underserved areas, coverage by district.</source>
        <translation>L’analyse sous forme de couches et de tableaux que d’autres outils ouvrent : points de demande avec leurs temps de trajet, laboratoires, bandes de desserte, zones mal desservies, couverture par district.</translation>
    </message>
    <message>
        <source>The pages of the PDF report, shown in a print preview: choose the printer, the pages and the copies there.</source>
        <translation>Les pages du rapport PDF, dans un aperçu avant impression : choisissez-y l’imprimante, les pages et les copies.</translation>
    </message>
    <message>
        <source>Writing the interactive map of {analysis}…</source>
        <extracomment>The status line while an output is made, by kind (``{analysis}``: the analysis shown).</extracomment>
        <translation>Écriture de la carte interactive de {analysis}…</translation>
    </message>
    <message>
        <source>Writing the report of {analysis}…</source>
        <translation>Écriture du rapport de {analysis}…</translation>
    </message>
    <message>
        <source>Writing the data of {analysis}…</source>
        <translation>Écriture des données de {analysis}…</translation>
    </message>
    <message>
        <source>Preparing the report of {analysis}…</source>
        <translation>Préparation du rapport de {analysis}…</translation>
    </message>
    <message>
        <source>scenario</source>
        <translation>scénario</translation>
    </message>
    <message>
        <source>there is no analysis to export yet; run it first (Analysis ▸ Run, F5)</source>
        <translation>il n’y a pas encore d’analyse à exporter ; lancez-la d’abord (Analyse ▸ Lancer l’analyse, F5)</translation>
    </message>
    <message>
        <source>Analysing the scenario “{name}”…</source>
        <translation>Analyse du scénario « {name} »…</translation>
    </message>
    <message>
        <source>no output path was chosen</source>
        <translation>aucun chemin de sortie n’a été choisi</translation>
    </message>
    <message>
        <source>Writing the data files…</source>
        <translation>Écriture des fichiers de données…</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written</source>
        <translation>
            <numerusform>%n fichier écrit</numerusform>
            <numerusform>%n fichiers écrits</numerusform>
        </translation>
    </message>
    <message>
        <source>{place}: access to {test} testing</source>
        <translation>{place} : accès aux analyses {test}</translation>
    </message>
    <message>
        <source>Access to {test} testing</source>
        <translation>Accès aux analyses {test}</translation>
    </message>
    <message>
        <source>{place}: access to labs</source>
        <translation>{place} : accès aux laboratoires</translation>
    </message>
    <message>
        <source>Access to labs</source>
        <translation>Accès aux laboratoires</translation>
    </message>
    <message>
        <source>{title} · {analysis}</source>
        <translation>{title} · {analysis}</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate hub(s)</source>
        <translation>
            <numerusform>%n laboratoire de référence candidat</numerusform>
            <numerusform>%n laboratoires de référence candidats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n upgrade(s) to {test}</source>
        <translation>
            <numerusform>%n renforcement en {test}</numerusform>
            <numerusform>%n renforcements en {test}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lab(s) closed</source>
        <translation>
            <numerusform>%n laboratoire fermé</numerusform>
            <numerusform>%n laboratoires fermés</numerusform>
        </translation>
    </message>
    <message>
        <source>no change</source>
        <translation>aucun changement</translation>
    </message>
    <message>
        <source>Scenario: {name}</source>
        <translation>Scénario : {name}</translation>
    </message>
    <message>
        <source>{format}: {description}</source>
        <translation>{format} : {description}</translation>
    </message>
    <message>
        <source>Which labs the output shows: the existing ones, the what-if on the map now, or a saved scenario (analysed in full with its own settings)</source>
        <translation>Les laboratoires que montre la sortie : ceux qui existent, le scénario hypothétique affiché sur la carte, ou un scénario enregistré (analysé en entier avec ses propres paramètres)</translation>
    </message>
    <message>
        <source>The heading of the map or the report&apos;s cover</source>
        <translation>Le titre de la carte ou de la couverture du rapport</translation>
    </message>
    <message>
        <source>Paper size of the report</source>
        <translation>Format du papier du rapport</translation>
    </message>
    <message>
        <source>Portrait suits A4/Letter reading; landscape gives the maps more width</source>
        <translation>Portrait convient à la lecture en A4/Lettre ; paysage donne plus de largeur aux cartes</translation>
    </message>
    <message>
        <source>Include OpenStreetMap tiles layer (online only)</source>
        <translation>Inclure une couche de tuiles OpenStreetMap (en ligne seulement)</translation>
    </message>
    <message>
        <source>Adds a street map layer, off until ticked in the map; it loads from the internet and stays blank offline. Everything else works without internet.</source>
        <translation>Ajoute une couche de plan des rues, désactivée tant qu’elle n’est pas cochée dans la carte ; elle se charge depuis internet et reste vide hors ligne. Tout le reste fonctionne sans internet.</translation>
    </message>
    <message>
        <source>The language the output is written in; the project remembers it for next time</source>
        <translation>La langue dans laquelle la sortie est écrite ; le projet s’en souvient pour la prochaine fois</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <source>The area the report&apos;s maps show; it fills the map frame of the page</source>
        <translation>La zone que montrent les cartes du rapport ; elle remplit le cadre de carte de la page</translation>
    </message>
    <message>
        <source>Choose where to write it, then write it in the background</source>
        <translation>Choisir où l’écrire, puis l’écrire en arrière-plan</translation>
    </message>
    <message>
        <source>Prepare the pages and show them in a print preview</source>
        <translation>Préparer les pages et les montrer dans un aperçu avant impression</translation>
    </message>
    <message>
        <source>Close without writing anything</source>
        <translation>Fermer sans rien écrire</translation>
    </message>
    <message>
        <source>&amp;Analysis:</source>
        <translation>&amp;Analyse :</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Papier :</translation>
    </message>
    <message>
        <source>&amp;Orientation:</source>
        <translation>&amp;Orientation :</translation>
    </message>
    <message>
        <source>&amp;Map area:</source>
        <translation>Zone de la &amp;carte :</translation>
    </message>
    <message>
        <source>Every layer of the project, with a margin</source>
        <translation>Toutes les couches du projet, avec une marge</translation>
    </message>
    <message>
        <source>Drag a rectangle on the map; Esc cancels</source>
        <translation>Tracez un rectangle sur la carte ; Échap annule</translation>
    </message>
    <message>
        <source>{area} (widened to the page&apos;s map frame)</source>
        <translation>{area} (élargie au cadre de carte de la page)</translation>
    </message>
    <message>
        <source>Tick at least one format</source>
        <translation>Cochez au moins un format</translation>
    </message>
    <message>
        <source>Interactive &amp;map (HTML)…</source>
        <extracomment>The options dialog shown last (tests fill it in). The &quot;written to …&quot; box shown last. The print preview shown last, and its printer. Draws the report&apos;s map area on the canvas (&quot;Draw an area on the map…&quot;).</extracomment>
        <translation>Carte &amp;interactive (HTML)…</translation>
    </message>
    <message>
        <source>Export the map with its catchment bands, underserved areas and labs as one HTML file that opens in any browser, offline (Ctrl+E)</source>
        <translation>Exporter la carte avec ses bandes de desserte, zones mal desservies et laboratoires en un fichier HTML qui s’ouvre dans tout navigateur, hors ligne (Ctrl+E)</translation>
    </message>
    <message>
        <source>Map &amp;report (PDF)…</source>
        <translation>&amp;Rapport cartographique (PDF)…</translation>
    </message>
    <message>
        <source>Export a printable PDF report: key numbers, coverage map, coverage by district, underserved areas, methods and sources (Ctrl+Shift+P)</source>
        <translation>Exporter un rapport PDF imprimable : chiffres clés, carte de couverture, couverture par district, zones mal desservies, méthodes et sources (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>&amp;Data (GeoPackage, GeoJSON, CSV, XLSX)…</source>
        <translation>&amp;Données (GeoPackage, GeoJSON, CSV, XLSX)…</translation>
    </message>
    <message>
        <source>Export the analysis as layers and tables for QGIS or a spreadsheet (Ctrl+Shift+E)</source>
        <translation>Exporter l’analyse en couches et tableaux pour QGIS ou un tableur (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>&amp;Print report…</source>
        <translation>Im&amp;primer le rapport…</translation>
    </message>
    <message>
        <source>Print the map report, with a print preview of its pages (Ctrl+P)</source>
        <translation>Imprimer le rapport cartographique, avec un aperçu de ses pages (Ctrl+P)</translation>
    </message>
    <message>
        <source>No what-if edits on the map: place a hub or upgrade a facility first</source>
        <translation>Aucune modification hypothétique sur la carte : placez d’abord un laboratoire de référence ou renforcez une structure</translation>
    </message>
    <message>
        <source>No analysis was run yet: the default one ({settings}) runs first for the baseline and the what-if edits. A saved scenario runs with its own settings.</source>
        <translation>Aucune analyse n’a encore été lancée : l’analyse par défaut ({settings}) est lancée d’abord pour la situation actuelle et les modifications hypothétiques. Un scénario enregistré est lancé avec ses propres paramètres.</translation>
    </message>
    <message>
        <source>The results are out of date ({reason}): the analysis ({settings}) runs again first. A saved scenario runs with its own settings.</source>
        <translation>Les résultats ne sont plus à jour ({reason}) : l’analyse ({settings}) est relancée d’abord. Un scénario enregistré est lancé avec ses propres paramètres.</translation>
    </message>
    <message>
        <source>Analysis: {settings}. A saved scenario runs with its own settings.</source>
        <translation>Analyse : {settings}. Un scénario enregistré est lancé avec ses propres paramètres.</translation>
    </message>
    <message>
        <source>Map area of the report drawn</source>
        <translation>Zone de carte du rapport dessinée</translation>
    </message>
    <message>
        <source>No area drawn</source>
        <translation>Aucune zone dessinée</translation>
    </message>
    <message>
        <source>Drag a rectangle over the area the report&apos;s maps should show (Esc cancels)</source>
        <translation>Tracez un rectangle sur la zone que les cartes du rapport doivent montrer (Échap annule)</translation>
    </message>
    <message>
        <source>Export data to the folder</source>
        <translation>Exporter les données dans le dossier</translation>
    </message>
    <message>
        <source>No analysis yet: running the analysis ({settings}) first, then the output…</source>
        <translation>Pas encore d’analyse : l’analyse ({settings}) est lancée d’abord, puis la sortie…</translation>
    </message>
    <message>
        <source>The results are out of date: running the analysis ({settings}) first, then the output…</source>
        <translation>Les résultats ne sont plus à jour : l’analyse ({settings}) est lancée d’abord, puis la sortie…</translation>
    </message>
    <message>
        <source>Nothing was written: the analysis did not finish</source>
        <translation>Rien n’a été écrit : l’analyse n’est pas allée à son terme</translation>
    </message>
    <message>
        <source>there are no what-if edits to export any more (they were undone)</source>
        <translation>il n’y a plus de modifications hypothétiques à exporter (elles ont été annulées)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to {folder}</source>
        <translation>
            <numerusform>%n fichier écrit dans {folder}</numerusform>
            <numerusform>%n fichiers écrits dans {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>Écrit : {path}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Show {folder} in the file manager</source>
        <translation>Montrer {folder} dans le gestionnaire de fichiers</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Fermer ce message</translation>
    </message>
    <message>
        <source>Could not open {folder}; open it by hand</source>
        <translation>Impossible d’ouvrir {folder} ; ouvrez-le à la main</translation>
    </message>
    <message>
        <source>Print preview: {title}</source>
        <translation>Aperçu avant impression : {title}</translation>
    </message>
    <message>
        <source>Print preview: choose the printer there</source>
        <translation>Aperçu avant impression : choisissez-y l’imprimante</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} Mo</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} Ko</translation>
    </message>
    <message>
        <source>Wrote {path} ({size}).
It opens in any web browser, also without internet.</source>
        <translation>Écrit : {path} ({size}).
Il s’ouvre dans tout navigateur web, même sans internet.</translation>
    </message>
    <message>
        <source>Wrote {path} ({size}).</source>
        <translation>Écrit : {path} ({size}).</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to {folder}:
{names}</source>
        <translation>
            <numerusform>%n fichier écrit dans {folder} :
{names}</numerusform>
            <numerusform>%n fichiers écrits dans {folder} :
{names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Preferences</source>
        <extracomment>The combo box&apos;s item for &quot;no choice: follow the system&apos;s language&quot;.</extracomment>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>Langue du système ({language})</translation>
    </message>
    <message>
        <source>Menus, panels, messages, numbers and dates change at once. Reports and maps you export are written in the language chosen when you export them.</source>
        <translation>Les menus, panneaux, messages, nombres et dates changent aussitôt. Les rapports et cartes que vous exportez sont écrits dans la langue choisie au moment de l’export.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Choose the language of ccgeo</source>
        <translation>Choisir la langue de ccgeo</translation>
    </message>
    <message>
        <source>Layer</source>
        <extracomment>The columns of the data sources table (English; `tr` where shown).</extracomment>
        <translation>Couche</translation>
    </message>
    <message>
        <source>File</source>
        <extracomment>Columns of the table, by note attribute, with their headers (English; shown through `tr`).</extracomment>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Facilities</source>
        <extracomment>The name of each layer a source was imported into (English; `tr` where shown).</extracomment>
        <translation>Structures</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>Routes</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>Districts</translation>
    </message>
    <message>
        <source>Project properties</source>
        <translation>Propriétés du projet</translation>
    </message>
    <message>
        <source>e.g. PCR access, Northern Province 2025</source>
        <translation>p. ex. Accès à la PCR, Province du Nord 2025</translation>
    </message>
    <message>
        <source>Shown in the title bar, on the HTML map and on the report</source>
        <translation>Affiché dans la barre de titre, sur la carte HTML et dans le rapport</translation>
    </message>
    <message>
        <source>What this project is for, whose data it holds, what was decided…</source>
        <translation>À quoi sert ce projet, à qui sont ses données, ce qui a été décidé…</translation>
    </message>
    <message>
        <source>Printed under the title of the HTML map and the report</source>
        <translation>Imprimé sous le titre de la carte HTML et du rapport</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Pas encore enregistré</translation>
    </message>
    <message>
        <source>The project file (File ▸ Save As to save it elsewhere)</source>
        <translation>Le fichier du projet (Fichier ▸ Enregistrer sous pour l’enregistrer ailleurs)</translation>
    </message>
    <message>
        <source>The files the project&apos;s layers were imported from, and when</source>
        <translation>Les fichiers d’où les couches du projet ont été importées, et quand</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Sources des données</translation>
    </message>
    <message>
        <source>Data: none yet: import data with File ▸ Import</source>
        <translation>Données : aucune pour l’instant ; importez des données avec Fichier ▸ Importer</translation>
    </message>
    <message>
        <source>A project needs a name; type one, or keep “{untitled}” until you choose one.</source>
        <translation>Un projet a besoin d’un nom ; tapez-en un, ou gardez « {untitled} » jusqu’à ce que vous en choisissiez un.</translation>
    </message>
    <message>
        <source>Pro&amp;ject properties…</source>
        <translation>Pro&amp;priétés du projet…</translation>
    </message>
    <message>
        <source>Name and describe the project; see the files its data came from</source>
        <translation>Nommer et décrire le projet ; voir les fichiers d’où viennent ses données</translation>
    </message>
    <message>
        <source>The project is now called “{name}”: save it to keep it (Ctrl+S)</source>
        <translation>Le projet s’appelle maintenant « {name} » : enregistrez-le pour le garder (Ctrl+S)</translation>
    </message>
    <message>
        <source>Description changed: save it to keep it (Ctrl+S)</source>
        <translation>Description modifiée : enregistrez le projet pour la garder (Ctrl+S)</translation>
    </message>
    <message>
        <source>The settings of the last run of the access analysis.</source>
        <extracomment>The guide&apos;s contents page. The guide page of each dock (`MainWindow.docks` key): F1 in the dock opens it. How the pages look in the help window (Qt&apos;s rich text reads this subset of CSS).</extracomment>
        <translation>Les paramètres de la dernière exécution de l’analyse d’accès.</translation>
    </message>
    <message>
        <source>No analysis has run yet: these are the settings the next run will use.</source>
        <translation>Aucune analyse n’a encore été lancée : voici les paramètres qu’utilisera la prochaine.</translation>
    </message>
    <message>
        <source>Methods and assumptions</source>
        <translation>Méthodes et hypothèses</translation>
    </message>
    <message>
        <source>The printed report carries the same page.</source>
        <translation>Le rapport imprimé contient la même page.</translation>
    </message>
    <message>
        <source>ccgeo help</source>
        <translation>Aide de ccgeo</translation>
    </message>
    <message>
        <source>The page; links open other pages of the guide</source>
        <translation>La page ; les liens ouvrent d’autres pages du guide</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>The page shown before (Alt+Left)</source>
        <translation>La page affichée avant (Alt+Gauche)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>The page shown after (Alt+Right)</source>
        <translation>La page affichée après (Alt+Droite)</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>S&amp;ommaire</translation>
    </message>
    <message>
        <source>The guide&apos;s contents: one page per task</source>
        <translation>Le sommaire du guide : une page par tâche</translation>
    </message>
    <message>
        <source>&amp;Methods and assumptions</source>
        <translation>&amp;Méthodes et hypothèses</translation>
    </message>
    <message>
        <source>How the numbers are computed, with the settings in use</source>
        <translation>Comment les chiffres sont calculés, avec les paramètres utilisés</translation>
    </message>
    <message>
        <source>Close the help (Esc)</source>
        <translation>Fermer l’aide (Échap)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>How to do each task, offline; in a panel, F1 opens the page of that panel (F1)</source>
        <translation>Comment faire chaque tâche, hors ligne ; dans un panneau, F1 ouvre la page de ce panneau (F1)</translation>
    </message>
    <message>
        <source>How the numbers are computed and what they assume, for the settings in use</source>
        <translation>Comment les chiffres sont calculés et ce qu’ils supposent, pour les paramètres utilisés</translation>
    </message>
    <message>
        <source>Roads © OpenStreetMap contributors</source>
        <extracomment>The credit of OpenStreetMap roads (English; `tr` where shown).</extracomment>
        <translation>Routes © contributeurs d’OpenStreetMap</translation>
    </message>
    <message>
        <source>the project file is a folder, not a project file; check the path</source>
        <translation>le fichier de projet est un dossier, pas un fichier de projet ; vérifiez le chemin</translation>
    </message>
    <message>
        <source>the project file does not exist; check the path</source>
        <translation>le fichier de projet n’existe pas ; vérifiez le chemin</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Ouverture de {name}…</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>Enregistrement de {name}…</translation>
    </message>
    <message>
        <source>Saving a copy as {name}…</source>
        <translation>Enregistrement d’une copie sous {name}…</translation>
    </message>
    <message>
        <source>SYNTHETIC demo data: not a real city</source>
        <translation>Données de démonstration SYNTHÉTIQUES : pas une vraie ville</translation>
    </message>
    <message>
        <source>Roads and base map © OpenStreetMap contributors</source>
        <translation>Routes et fond de carte © contributeurs d’OpenStreetMap</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Toutes les %n minute</numerusform>
            <numerusform>Toutes les %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Layers</source>
        <extracomment>The size of a new main window, pixels, before it fits the screen. The project&apos;s data changed (an edit, an import, a what-if); the flag says unsaved or not. Facilities were edited (changed ids; empty when the whole layer was replaced). The capacity of facilities was edited (their ids): only the lab capacity depends on it. When True, errors go to the log and `taskFailed` only (no modal box): screenshot runs. The project is open in another window (`ccgeo.gui.project_lock`): Save saves a copy. When False, opened and saved projects are not added to the recent files. A note for the status bar once the first project is shown (it makes the text). What made the status bar&apos;s text (`say`) and the text it made, to write it again. The one history of the user&apos;s edits (what-if, layers, attributes): Edit ▸ Undo.</extracomment>
        <translation>Couches</translation>
    </message>
    <message>
        <source>&amp;Layers panel</source>
        <extracomment>The base map chosen in View ▸ Base map and its layers. Menus by key (&quot;file&quot;, &quot;edit&quot;, &quot;view&quot;, &quot;layer&quot;, &quot;analysis&quot;, &quot;help&quot;), for extensions. Dock widgets by key, for extensions and tests.</extracomment>
        <translation>Panneau des &amp;couches</translation>
    </message>
    <message>
        <source>Show or hide the layer panel</source>
        <translation>Afficher ou masquer le panneau des couches</translation>
    </message>
    <message>
        <source>Show or hide the {panel} panel</source>
        <translation>Afficher ou masquer le panneau « {panel} »</translation>
    </message>
    <message>
        <source>&amp;About ccgeo</source>
        <translation>À &amp;propos de ccgeo</translation>
    </message>
    <message>
        <source>Version, data sources and credits</source>
        <translation>Version, sources des données et crédits</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Nouveau projet</translation>
    </message>
    <message>
        <source>Start an empty project (asks to save the changes to this one first)</source>
        <translation>Commencer un projet vide (propose d’abord d’enregistrer les modifications de celui-ci)</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>&amp;Fermer le projet</translation>
    </message>
    <message>
        <source>Close this project (asks to save its changes first)</source>
        <translation>Fermer ce projet (propose d’abord d’enregistrer ses modifications)</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>&amp;Vider la liste</translation>
    </message>
    <message>
        <source>Forget the recently opened projects (the files are not touched)</source>
        <translation>Oublier les projets ouverts récemment (les fichiers ne sont pas touchés)</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <source>Open a .ccgeo project file (asks to save the changes to this one first)</source>
        <translation>Ouvrir un fichier de projet .ccgeo (propose d’abord d’enregistrer les modifications de celui-ci)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the project to its file</source>
        <translation>Enregistrer le projet dans son fichier</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>Save the project to a new .ccgeo file</source>
        <translation>Enregistrer le projet dans un nouveau fichier .ccgeo</translation>
    </message>
    <message>
        <source>Save a Copy as &amp;GeoPackage…</source>
        <translation>Enregistrer une copie en &amp;GeoPackage…</translation>
    </message>
    <message>
        <source>Save a copy of the project as a .gpkg file that QGIS opens with ccgeo&apos;s styles; the project keeps its own file</source>
        <translation>Enregistrer une copie du projet dans un fichier .gpkg que QGIS ouvre avec les styles de ccgeo ; le projet garde son propre fichier</translation>
    </message>
    <message>
        <source>&amp;Export view as PNG…</source>
        <translation>&amp;Exporter la vue en PNG…</translation>
    </message>
    <message>
        <source>Save the map as shown, with scale bar and north arrow, as a PNG image</source>
        <translation>Enregistrer la carte telle qu’affichée, avec échelle et flèche du nord, en image PNG</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Close ccgeo</source>
        <translation>Fermer ccgeo</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom in on the centre of the map (+, or the mouse wheel)</source>
        <translation>Zoomer sur le centre de la carte (+, ou la molette de la souris)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom out from the centre of the map (−, or the mouse wheel)</source>
        <translation>Dézoomer depuis le centre de la carte (−, ou la molette de la souris)</translation>
    </message>
    <message>
        <source>Zoom to &amp;full extent</source>
        <translation>&amp;Emprise totale</translation>
    </message>
    <message>
        <source>Show every layer (Ctrl+0 or Home)</source>
        <translation>Afficher toutes les couches (Ctrl+0 ou Début)</translation>
    </message>
    <message>
        <source>&amp;Pan mode</source>
        <translation>Mode dé&amp;placement</translation>
    </message>
    <message>
        <source>Drag the map to move it</source>
        <translation>Faire glisser la carte pour la déplacer</translation>
    </message>
    <message>
        <source>Zoom &amp;box mode</source>
        <translation>Mode zoom par &amp;rectangle</translation>
    </message>
    <message>
        <source>Drag a rectangle to zoom to it; click to zoom in</source>
        <translation>Tracer un rectangle pour zoomer dessus ; cliquer pour zoomer</translation>
    </message>
    <message>
        <source>From the project&apos;s &amp;OSM data</source>
        <translation>Depuis les données &amp;OSM du projet</translation>
    </message>
    <message>
        <source>Draw water, parks, built-up land and place names from the roads&apos; OpenStreetMap file under the layers; works offline</source>
        <translation>Dessiner sous les couches l’eau, les parcs, les zones bâties et les noms de lieux du fichier OpenStreetMap des routes ; fonctionne hors ligne</translation>
    </message>
    <message>
        <source>From a &amp;tiles file…</source>
        <translation>Depuis un fichier de &amp;tuiles…</translation>
    </message>
    <message>
        <source>Draw the raster tiles of an MBTiles or PMTiles file you have under the layers; works offline</source>
        <translation>Dessiner sous les couches les tuiles raster d’un fichier MBTiles ou PMTiles que vous avez ; fonctionne hors ligne</translation>
    </message>
    <message>
        <source>OpenStreetMap &amp;web tiles (online)</source>
        <translation>Tuiles &amp;web OpenStreetMap (en ligne)</translation>
    </message>
    <message>
        <source>Draw OpenStreetMap tiles under the layers; tiles are kept on disk and reused offline</source>
        <translation>Dessiner les tuiles OpenStreetMap sous les couches ; elles sont gardées sur le disque et réutilisées hors ligne</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <comment>base map</comment>
        <translation>&amp;Aucun</translation>
    </message>
    <message>
        <source>No base map: the roads and districts are the base map</source>
        <translation>Pas de fond de carte : les routes et les districts en tiennent lieu</translation>
    </message>
    <message numerus="yes">
        <source>Keep a recovery copy of unsaved changes at least every %n minute(s)</source>
        <translation>
            <numerusform>Garder une copie de récupération des modifications non enregistrées au moins toutes les %n minute</numerusform>
            <numerusform>Garder une copie de récupération des modifications non enregistrées au moins toutes les %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Projets &amp;récents</translation>
    </message>
    <message>
        <source>A&amp;utosave</source>
        <translation>Enregistrement a&amp;utomatique</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>B&amp;ase map</source>
        <translation>&amp;Fond de carte</translation>
    </message>
    <message>
        <source>Pa&amp;nels</source>
        <translation>Pa&amp;nneaux</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>&amp;Couche</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>Main</source>
        <comment>toolbar</comment>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Cancel what is running</source>
        <translation>Annuler ce qui est en cours</translation>
    </message>
    <message>
        <source>Longitude, latitude under the cursor (WGS 84, degrees)</source>
        <translation>Longitude, latitude sous le curseur (WGS 84, degrés)</translation>
    </message>
    <message>
        <source>Map scale on this screen</source>
        <translation>Échelle de la carte sur cet écran</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n layer(s)</source>
        <translation>
            <numerusform>{name} : %n couche</numerusform>
            <numerusform>{name} : %n couches</numerusform>
        </translation>
    </message>
    <message>
        <source>The base map&apos;s tiles file {path} no longer exists; drawing the base map from the project&apos;s OpenStreetMap data instead</source>
        <translation>Le fichier de tuiles du fond de carte {path} n’existe plus ; le fond de carte est dessiné à partir des données OpenStreetMap du projet</translation>
    </message>
    <message>
        <source>Cannot use this tiles file as base map</source>
        <translation>Impossible d’utiliser ce fichier de tuiles comme fond de carte</translation>
    </message>
    <message>
        <source>Base map from a tiles file</source>
        <translation>Fond de carte depuis un fichier de tuiles</translation>
    </message>
    <message>
        <source>Raster tiles (MBTiles, PMTiles)</source>
        <translation>Tuiles raster (MBTiles, PMTiles)</translation>
    </message>
    <message>
        <source>{name} (read-only)</source>
        <translation>{name} (lecture seule)</translation>
    </message>
    <message>
        <source>The last project {path} no longer exists; showing the demo city instead</source>
        <translation>Le dernier projet {path} n’existe plus ; la ville de démonstration est affichée à la place</translation>
    </message>
    <message>
        <source>Restore unsaved changes?</source>
        <translation>Restaurer les modifications non enregistrées ?</translation>
    </message>
    <message>
        <source>Restored the unsaved changes from {when}; save to keep them</source>
        <translation>Modifications non enregistrées de {when} restaurées ; enregistrez pour les garder</translation>
    </message>
    <message>
        <source>the project</source>
        <translation>le projet</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>“{name}” has changes that are not saved.

Save them before closing it?</source>
        <translation>« {name} » a des modifications non enregistrées.

Les enregistrer avant de le fermer ?</translation>
    </message>
    <message>
        <source>No project: open one, start a new one, or import data</source>
        <translation>Aucun projet : ouvrez-en un, commencez-en un nouveau ou importez des données</translation>
    </message>
    <message>
        <source>{name} (missing)</source>
        <translation>{name} (introuvable)</translation>
    </message>
    <message>
        <source>Open {path}</source>
        <translation>Ouvrir {path}</translation>
    </message>
    <message>
        <source>{path} no longer exists (moved, renamed or deleted)</source>
        <translation>{path} n’existe plus (déplacé, renommé ou supprimé)</translation>
    </message>
    <message>
        <source>Loading the demo city…</source>
        <translation>Chargement de la ville de démonstration…</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Enregistrer le projet sous</translation>
    </message>
    <message>
        <source>Project open in another window</source>
        <translation>Projet ouvert dans une autre fenêtre</translation>
    </message>
    <message>
        <source>{name} is open in another ccgeo window, which saves it: save this one under another name (File ▸ Save As), or close the other window and open it again.</source>
        <translation>{name} est ouvert dans une autre fenêtre de ccgeo, qui l’enregistre : enregistrez celui-ci sous un autre nom (Fichier ▸ Enregistrer sous), ou fermez l’autre fenêtre et rouvrez-le.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Enregistré dans {path}</translation>
    </message>
    <message>
        <source>Save a copy as GeoPackage</source>
        <translation>Enregistrer une copie en GeoPackage</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Saved a copy as {path}; QGIS opens it with ccgeo&apos;s styles</source>
        <translation>Copie enregistrée sous {path} ; QGIS l’ouvre avec les styles de ccgeo</translation>
    </message>
    <message>
        <source>Export view as PNG</source>
        <translation>Exporter la vue en PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not export the view</source>
        <translation>Impossible d’exporter la vue</translation>
    </message>
    <message>
        <source>{path}: the image could not be written; check that the folder exists and that you may write to it, and that the disk is not full.</source>
        <translation>{path} : l’image n’a pas pu être écrite ; vérifiez que le dossier existe, que vous pouvez y écrire et que le disque n’est pas plein.</translation>
    </message>
    <message>
        <source>Exported the view to {path}</source>
        <translation>Vue exportée dans {path}</translation>
    </message>
    <message>
        <source>map</source>
        <comment>file name</comment>
        <translation>carte</translation>
    </message>
    <message>
        <source>About ccgeo</source>
        <translation>À propos de ccgeo</translation>
    </message>
    <message>
        <source>&lt;p&gt;Who can reach a laboratory able to do a cancer diagnostic test (IHC, PCR, NGS), and who cannot.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Qui peut atteindre un laboratoire capable de faire un test de diagnostic du cancer (immunohistochimie, PCR, NGS), et qui ne le peut pas.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Road and map data © OpenStreetMap contributors, available under the Open Database Licence (ODbL).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Données routières et cartographiques © contributeurs d’OpenStreetMap, disponibles sous licence Open Database Licence (ODbL).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This project holds SYNTHETIC demo data: the city, its people and its facilities are not real.</source>
        <translation>Ce projet contient des données de démonstration SYNTHÉTIQUES : la ville, sa population et ses structures ne sont pas réelles.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Synthetic data.&lt;/b&gt; {note}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Données synthétiques.&lt;/b&gt; {note}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{task}: done</source>
        <translation>{task} : terminé</translation>
    </message>
    <message>
        <source>{task}: failed</source>
        <translation>{task} : échec</translation>
    </message>
    <message>
        <source>{task}: cancelled</source>
        <translation>{task} : annulé</translation>
    </message>
    <message>
        <source>Lon {lon}°  Lat {lat}°</source>
        <translation>Lon {lon}°  Lat {lat}°</translation>
    </message>
    <message>
        <source>Any lab</source>
        <extracomment>The quality filters as a choice (English; shown through `tr`: `quality_label`).</extracomment>
        <translation>Tout laboratoire</translation>
    </message>
    <message>
        <source>In external quality assessment</source>
        <translation>En contrôle de qualité externe (EEQ)</translation>
    </message>
    <message>
        <source>In international EQA</source>
        <translation>En EEQ internationale</translation>
    </message>
    <message>
        <source>Accredited (ISO 15189, CAP, …)</source>
        <translation>Accrédité (ISO 15189, CAP, …)</translation>
    </message>
    <message>
        <source>In EQA or accredited</source>
        <translation>En EEQ ou accrédité</translation>
    </message>
    <message>
        <source>any lab</source>
        <extracomment>The quality filters inside a sentence (`analysis_line`).</extracomment>
        <translation>tout laboratoire</translation>
    </message>
    <message>
        <source>in external quality assessment</source>
        <translation>en contrôle de qualité externe (EEQ)</translation>
    </message>
    <message>
        <source>in international EQA</source>
        <translation>en EEQ internationale</translation>
    </message>
    <message>
        <source>accredited (ISO 15189, CAP, …)</source>
        <translation>accrédités (ISO 15189, CAP, …)</translation>
    </message>
    <message>
        <source>in EQA or accredited</source>
        <translation>en EEQ ou accrédités</translation>
    </message>
    <message>
        <source>Car</source>
        <extracomment>The bundled travel modes as a choice (English; shown through `tr`: `mode_label`).</extracomment>
        <translation>Voiture</translation>
    </message>
    <message>
        <source>Motorbike</source>
        <translation>Moto</translation>
    </message>
    <message>
        <source>Walking</source>
        <translation>À pied</translation>
    </message>
    <message>
        <source>by car</source>
        <extracomment>The bundled travel modes inside a sentence (`mode_phrase`).</extracomment>
        <translation>en voiture</translation>
    </message>
    <message>
        <source>by motorbike</source>
        <translation>à moto</translation>
    </message>
    <message>
        <source>by walking</source>
        <translation>à pied</translation>
    </message>
    <message>
        <source>by {mode}</source>
        <translation>en {mode}</translation>
    </message>
    <message>
        <source>, traffic ×{factor}</source>
        <translation>, circulation ×{factor}</translation>
    </message>
    <message>
        <source>{test} labs ({quality}), {mode}{traffic}{edits}</source>
        <translation>Laboratoires de {test} ({quality}), {mode}{traffic}{edits}</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <source>Done: {settings}.</source>
        <translation>Terminé : {settings}.</translation>
    </message>
    <message>
        <source>Access analysis: {settings}…</source>
        <extracomment>Name of the live what-if when a panel analyses it as a scenario. Wait this long after a facility edit before rerunning, so a burst of edits runs once, ms. The window&apos;s one history: what-if edits share it with layer and attribute edits, so that Ctrl+Z undoes the user&apos;s last edit, whichever panel it was made in. The last context menu shown on the map (kept alive; tests read it).</extracomment>
        <translation>Analyse d’accès : {settings}…</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>Some edits were skipped</source>
        <translation>Certaines modifications n’ont pas été appliquées</translation>
    </message>
    <message>
        <source>Could not redraw the catchments: {message}</source>
        <translation>Impossible de redessiner les zones de desserte : {message}</translation>
    </message>
    <message>
        <source>Open a project to analyse it.</source>
        <extracomment>Underserved areas of the current what-if (EPSG:4326), as drawn. Writes the state line (again when the language changes).</extracomment>
        <translation>Ouvrez un projet pour l’analyser.</translation>
    </message>
    <message>
        <source>The test a lab must be able to do to count</source>
        <translation>L’analyse qu’un laboratoire doit pouvoir faire pour compter</translation>
    </message>
    <message>
        <source>Only labs meeting this quality standard count</source>
        <translation>Seuls comptent les laboratoires qui atteignent ce niveau de qualité</translation>
    </message>
    <message>
        <source>How people travel to the lab (the modes of the speed file)</source>
        <translation>Comment les personnes se rendent au laboratoire (les modes du fichier de vitesses)</translation>
    </message>
    <message>
        <source>Travel-time thresholds in minutes, inclusive, e.g. 30, 60, 120</source>
        <translation>Seuils de temps de trajet en minutes, inclus, p. ex. 30, 60, 120</translation>
    </message>
    <message>
        <source>Peak-hour traffic: travel times multiplied by this (1 = free flow; an assumption)</source>
        <translation>Circulation aux heures de pointe : les temps de trajet sont multipliés par cette valeur (1 = circulation fluide ; une hypothèse)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Use your own speed file (TOML, the format of resources/speeds.toml): its speeds per road class and its modes are merged over the bundled ones</source>
        <translation>Utilisez votre propre fichier de vitesses (TOML, le format de resources/speeds.toml) : ses vitesses par classe de route et ses modes sont fusionnés par-dessus ceux fournis</translation>
    </message>
    <message>
        <source>Bundled</source>
        <translation>Fournies</translation>
    </message>
    <message>
        <source>Go back to the bundled speeds (OSRM car profile, 5 km/h walk)</source>
        <translation>Revenir aux vitesses fournies (profil voiture d’OSRM, 5 km/h à pied)</translation>
    </message>
    <message>
        <source>Farthest a person or a lab may be from a road; people farther count as off the network and labs farther are left out (and listed)</source>
        <translation>Distance maximale entre une personne ou un laboratoire et une route ; les personnes plus éloignées comptent hors réseau et les laboratoires plus éloignés sont écartés (et listés)</translation>
    </message>
    <message>
        <source>Walking speed between a home (or a lab) and the road</source>
        <translation>Vitesse de marche entre un domicile (ou un laboratoire) et la route</translation>
    </message>
    <message>
        <source>Run analysis</source>
        <translation>Lancer l’analyse</translation>
    </message>
    <message>
        <source>Run the access analysis with these settings (F5)</source>
        <translation>Lancer l’analyse d’accès avec ces paramètres (F5)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the analysis under way</source>
        <translation>Arrêter l’analyse en cours</translation>
    </message>
    <message>
        <source>No facility of the project, with the what-if edits, counts as a lab for this test and quality: everyone would be unreachable</source>
        <translation>Aucune structure du projet, avec les modifications de la simulation, ne compte comme laboratoire pour cette analyse et cette qualité : tout le monde serait inaccessible</translation>
    </message>
    <message>
        <source>Test</source>
        <extracomment>The label (or plain words) of every setting, argument and column a message may name, by name (English; translated where a message is worded: `label_of`).</extracomment>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Lab quality</source>
        <translation>Qualité du laboratoire</translation>
    </message>
    <message>
        <source>Travel mode</source>
        <translation>Mode de transport</translation>
    </message>
    <message>
        <source>Speeds</source>
        <translation>Vitesses</translation>
    </message>
    <message>
        <source>Thresholds (min)</source>
        <translation>Seuils (min)</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Circulation</translation>
    </message>
    <message>
        <source>Off-road up to</source>
        <translation>Hors route jusqu’à</translation>
    </message>
    <message>
        <source>Walking to road</source>
        <translation>À pied jusqu’à la route</translation>
    </message>
    <message>
        <source>Cancelled: no new results.</source>
        <translation>Annulé : pas de nouveaux résultats.</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>fournies</translation>
    </message>
    <message>
        <source>The speeds that ship with ccgeo</source>
        <translation>Les vitesses fournies avec ccgeo</translation>
    </message>
    <message>
        <source>Choose a speed file</source>
        <translation>Choisir un fichier de vitesses</translation>
    </message>
    <message>
        <source>Speed files ({patterns})</source>
        <translation>Fichiers de vitesses ({patterns})</translation>
    </message>
    <message>
        <source>All files ({patterns})</source>
        <translation>Tous les fichiers ({patterns})</translation>
    </message>
    <message>
        <source>Running…</source>
        <extracomment>When the plan shown was made and whether the data changed since (`show_saved`).</extracomment>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Échec.</translation>
    </message>
    <message>
        <source>Nothing to analyse yet: import roads, population and facilities (File ▸ Import).</source>
        <translation>Rien à analyser pour l’instant : importez routes, population et structures (Fichier ▸ Importer).</translation>
    </message>
    <message>
        <source>⚠ Results are out of date: {reason}. Press Run (F5).</source>
        <translation>⚠ Les résultats ne sont plus à jour : {reason}. Appuyez sur Lancer (F5).</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Scénarios</translation>
    </message>
    <message>
        <source>Undo the last edit: what-if, layer or facility attribute (Ctrl+Z)</source>
        <translation>Annuler la dernière modification : simulation, couche ou attribut d’une structure (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo the edit undone last (Ctrl+Shift+Z or Ctrl+Y)</source>
        <translation>Rétablir la dernière modification annulée (Ctrl+Maj+Z ou Ctrl+Y)</translation>
    </message>
    <message>
        <source>a facility was edited</source>
        <translation>une structure a été modifiée</translation>
    </message>
    <message>
        <source>&amp;Run analysis</source>
        <translation>&amp;Lancer l’analyse</translation>
    </message>
    <message>
        <source>Run the access analysis with the settings of the Analysis panel (F5)</source>
        <translation>Lancer l’analyse d’accès avec les paramètres du panneau Analyse (F5)</translation>
    </message>
    <message>
        <source>&amp;Cancel analysis</source>
        <translation>A&amp;nnuler l’analyse</translation>
    </message>
    <message>
        <source>Stop the analysis under way (Ctrl+.)</source>
        <translation>Arrêter l’analyse en cours (Ctrl+.)</translation>
    </message>
    <message>
        <source>&amp;Place hub</source>
        <translation>&amp;Placer un laboratoire de référence</translation>
    </message>
    <message>
        <source>Click on the map to place a candidate hub, drag one to move it, right-click to remove it (H)</source>
        <translation>Cliquez sur la carte pour placer un laboratoire de référence candidat, faites-le glisser pour le déplacer, clic droit pour le retirer (H)</translation>
    </message>
    <message>
        <source>Reset &amp;what-if</source>
        <translation>Réinitialiser la &amp;simulation</translation>
    </message>
    <message>
        <source>Remove every candidate hub, upgrade and closure (undoable)</source>
        <translation>Retirer tous les laboratoires de référence candidats, renforcements et fermetures (annulable)</translation>
    </message>
    <message>
        <source>&amp;Redo {edit}</source>
        <extracomment>The text of the edit the action undoes (redoes); &quot;&quot; when there is none.</extracomment>
        <translation>&amp;Rétablir {edit}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Undo {edit}</source>
        <translation>&amp;Annuler {edit}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Reset what-if</source>
        <translation>Réinitialiser la simulation</translation>
    </message>
    <message>
        <source>capacity should be a number of tests per year, got {text}; type digits only (or leave the cell blank when it is not known)</source>
        <extracomment>Role giving the raw value a column sorts by (numbers as numbers, not as text). Columns of the facility table whose cells can be edited, with the values a combo offers. The capacity column, edited as a number of tests per year (blank: unknown). Edits of these columns change which labs count in an analysis. Import-report severities in the order a reviewer works through them.</extracomment>
        <translation>la capacité doit être un nombre d’analyses par an, reçu {text} ; tapez seulement des chiffres (ou laissez la cellule vide si elle n’est pas connue)</translation>
    </message>
    <message>
        <source>capacity should be 0 or more tests per year, got {text}; type a number ≥ 0</source>
        <translation>la capacité doit être de 0 analyse par an ou plus, reçu {text} ; tapez un nombre ≥ 0</translation>
    </message>
    <message>
        <source>Edit {facility} {column}: {old} → {new}</source>
        <translation>Modifier {facility} {column} : {old} → {new}</translation>
    </message>
    <message>
        <source>{value}
(flagged for review)</source>
        <translation>{value}
(signalée pour vérification)</translation>
    </message>
    <message>
        <source>{column} should be one of {allowed}, got {value}; pick one in the list</source>
        <translation>{column} doit être l’une de ces valeurs : {allowed} ; reçu {value} ; choisissez-en une dans la liste</translation>
    </message>
    <message>
        <source>Filter by id or name…</source>
        <translation>Filtrer par ID ou nom…</translation>
    </message>
    <message>
        <source>Show only facilities whose id or name contains this text</source>
        <translation>N’afficher que les structures dont l’ID ou le nom contient ce texte</translation>
    </message>
    <message>
        <source>Show only facilities with this capability</source>
        <translation>N’afficher que les structures ayant cette capacité diagnostique</translation>
    </message>
    <message>
        <source>Show only facilities imported with a doubt to check</source>
        <translation>N’afficher que les structures importées avec un doute à vérifier</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>Zoom sur la sélection</translation>
    </message>
    <message>
        <source>Show every selected facility on the map (Ctrl+J)</source>
        <translation>Afficher sur la carte toutes les structures sélectionnées (Ctrl+J)</translation>
    </message>
    <message>
        <source>Tick capabilities, choose EQA and accreditation, type the capacity (tests per year) to correct a facility (undo with Ctrl+Z); double-click a row to zoom to it</source>
        <extracomment>Why the last edit was refused (hidden after a good edit).</extracomment>
        <translation>Cochez les capacités, choisissez le contrôle de qualité externe (EEQ) et l’accréditation, tapez la capacité (analyses par an) pour corriger une structure (annuler avec Ctrl+Z) ; double-cliquez sur une ligne pour zoomer dessus</translation>
    </message>
    <message>
        <source>All capabilities</source>
        <translation>Toutes les capacités</translation>
    </message>
    <message>
        <source>Can do {test}</source>
        <translation>Peut faire {test}</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} sur {total}</translation>
    </message>
    <message>
        <source>The districts and their attributes; click a header to sort</source>
        <translation>Les districts et leurs attributs ; cliquez sur un en-tête pour trier</translation>
    </message>
    <message>
        <source>Which imported file&apos;s report to show</source>
        <translation>Le rapport de quel fichier importé afficher</translation>
    </message>
    <message>
        <source>Each row of the imported file rejected or to look at: the problem and the fix</source>
        <translation>Chaque ligne du fichier importé rejetée ou à examiner : le problème et la correction</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Rapport d’import</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>The facilities: edit what each lab can do</source>
        <translation>Les structures : modifiez ce que chaque laboratoire peut faire</translation>
    </message>
    <message>
        <source>The districts&apos; attributes</source>
        <translation>Les attributs des districts</translation>
    </message>
    <message>
        <source>What the facility imports found in each row</source>
        <translation>Ce que les imports de structures ont trouvé dans chaque ligne</translation>
    </message>
    <message>
        <source>Everything to review behind the results: rows rejected or changed on import, people outside the roads or in no district, labs the analysis could not use</source>
        <translation>Tout ce qu’il faut vérifier derrière les résultats : lignes rejetées ou modifiées à l’import, personnes hors des routes ou dans aucun district, laboratoires que l’analyse n’a pas pu utiliser</translation>
    </message>
    <message>
        <source>(unnamed file)</source>
        <translation>(fichier sans nom)</translation>
    </message>
    <message>
        <source>No facility file has been imported in this project.</source>
        <translation>Aucun fichier de structures n’a été importé dans ce projet.</translation>
    </message>
    <message>
        <source>2SFCA</source>
        <translation>2SFCA</translation>
    </message>
    <message>
        <source>E2SFCA (nearer weighs more)</source>
        <translation>E2SFCA (le plus proche pèse plus)</translation>
    </message>
    <message>
        <source>Coverage limited by capacity</source>
        <translation>Couverture limitée par la capacité</translation>
    </message>
    <message>
        <source>Two-step floating catchment (Luo and Wang 2003): each lab&apos;s capacity is shared by the need within the time limit; a place sums the shares of the labs it reaches</source>
        <translation>Zone de desserte flottante en deux étapes (Luo et Wang 2003) : la capacité de chaque laboratoire est partagée par le besoin dans la limite de temps ; chaque lieu additionne les parts des laboratoires qu’il atteint</translation>
    </message>
    <message>
        <source>Enhanced 2SFCA (Luo and Qi 2009): like 2SFCA, with travel-time bands that count farther labs and people less</source>
        <translation>2SFCA amélioré (Luo et Qi 2009) : comme 2SFCA, avec des bandes de temps de trajet qui comptent moins les laboratoires et les personnes éloignés</translation>
    </message>
    <message>
        <source>AccessMod-style coverage: each lab takes the nearest uncovered need until its capacity or the time limit runs out</source>
        <translation>Couverture à la manière d’AccessMod : chaque laboratoire prend le besoin non couvert le plus proche jusqu’à épuiser sa capacité ou la limite de temps</translation>
    </message>
    <message>
        <source>Largest capacity first</source>
        <translation>Plus grande capacité d’abord</translation>
    </message>
    <message>
        <source>Most need within the limit first</source>
        <translation>Plus grand besoin dans la limite d’abord</translation>
    </message>
    <message>
        <source>Order of the facility list</source>
        <translation>Ordre de la liste des structures</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Laboratoire</translation>
    </message>
    <message>
        <source>Capacity (tests/yr)</source>
        <translation>Capacité (analyses/an)</translation>
    </message>
    <message>
        <source>Need in reach (tests/yr)</source>
        <translation>Besoin à portée (analyses/an)</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <source>Scenario files and batch comparisons (*.toml comparison.csv)</source>
        <extracomment>The table the batch writes in its output folder. What File ▸ Open Scenario Batch… offers: scenario files, and the table of a batch run before.</extracomment>
        <translation>Fichiers de scénarios et comparaisons de lots (*.toml comparison.csv)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Speed file</source>
        <translation>Fichier de vitesses</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Seuils</translation>
    </message>
    <message>
        <source>Road closures</source>
        <translation>Routes fermées</translation>
    </message>
    <message>
        <source>Hubs</source>
        <translation>Laboratoires de référence</translation>
    </message>
    <message>
        <source>Sample referral</source>
        <translation>Acheminement des échantillons</translation>
    </message>
    <message>
        <source>Labs used</source>
        <translation>Laboratoires utilisés</translation>
    </message>
    <message>
        <source>Off the road network</source>
        <translation>Hors du réseau routier</translation>
    </message>
    <message>
        <source>Mean time</source>
        <translation>Temps moyen</translation>
    </message>
    <message>
        <source>Underserved people</source>
        <translation>Personnes mal desservies</translation>
    </message>
    <message>
        <source>Sited hubs</source>
        <translation>Laboratoires implantés</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>One row per scenario: its values and its results, as in comparison.csv</source>
        <extracomment>Columns shown as written (names, ids, the axis values).</extracomment>
        <translation>Une ligne par scénario : ses valeurs et ses résultats, comme dans comparison.csv</translation>
    </message>
    <message>
        <source>Open a scenario file, or the comparison.csv of a folder written by `ccgeo batch` (File ▸ Open Scenario Batch…).</source>
        <translation>Ouvrez un fichier de scénarios, ou le comparison.csv d’un dossier écrit par `ccgeo batch` (Fichier ▸ Ouvrir un lot de scénarios…).</translation>
    </message>
    <message numerus="yes">
        <source>%n scenario(s) from {folder}; {failed} failed</source>
        <translation>
            <numerusform>%n scénario de {folder} ; {failed} en échec</numerusform>
            <numerusform>%n scénarios de {folder} ; {failed} en échec</numerusform>
        </translation>
    </message>
    <message>
        <source>Within {minutes} min</source>
        <translation>À {minutes} min ou moins</translation>
    </message>
    <message>
        <source>People within {minutes} min</source>
        <translation>Personnes à {minutes} min ou moins</translation>
    </message>
    <message>
        <source>Referral: {value}</source>
        <translation>Acheminement : {value}</translation>
    </message>
    <message>
        <source>Run Scenario Batch</source>
        <translation>Exécuter un lot de scénarios</translation>
    </message>
    <message numerus="yes">
        <source>%n scenario(s) of {name} in {file}</source>
        <translation>
            <numerusform>%n scénario de {name} dans {file}</numerusform>
            <numerusform>%n scénarios de {name} dans {file}</numerusform>
        </translation>
    </message>
    <message>
        <source>Each scenario writes its outputs in scenarios/&lt;id&gt;/ here, then comparison.csv</source>
        <translation>Chaque scénario écrit ses résultats ici dans scenarios/&lt;id&gt;/, puis comparison.csv</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>The scenarios finished in this folder already are skipped; Cancel stops the batch and keeps those that finished.</source>
        <translation>Les scénarios déjà terminés dans ce dossier sont ignorés ; Annuler arrête le lot et garde ceux qui sont terminés.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>Dossier de sortie :</translation>
    </message>
    <message>
        <source>Folder for the outputs of the scenario batch</source>
        <translation>Dossier des résultats du lot de scénarios</translation>
    </message>
    <message>
        <source>{folder} holds no comparison.csv; choose a scenario file or the comparison.csv in the --out folder of `ccgeo batch`</source>
        <translation>{folder} ne contient pas de comparison.csv ; choisissez un fichier de scénarios ou le comparison.csv du dossier --out de `ccgeo batch`</translation>
    </message>
    <message numerus="yes">
        <source>Scenario batch cancelled: %n finished scenario(s) kept in {folder}; run it again to go on</source>
        <translation>
            <numerusform>Lot de scénarios annulé : %n scénario terminé est conservé dans {folder} ; relancez-le pour continuer</numerusform>
            <numerusform>Lot de scénarios annulé : %n scénarios terminés sont conservés dans {folder} ; relancez-le pour continuer</numerusform>
        </translation>
    </message>
    <message>
        <source>Running the scenario batch…</source>
        <translation>Exécution du lot de scénarios…</translation>
    </message>
    <message>
        <source>Scenario file not read</source>
        <translation>Fichier de scénarios non lu</translation>
    </message>
    <message>
        <source>Open a scenario file, or the comparison of a scenario batch</source>
        <translation>Ouvrir un fichier de scénarios, ou la comparaison d’un lot de scénarios</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Scenario batch</source>
        <translation>Lot de scénarios</translation>
    </message>
    <message>
        <source>Run a scenario file (TOML) and compare its scenarios, or show the comparison of a batch run before (comparison.csv in the --out folder of `ccgeo batch`)</source>
        <translation>Exécuter un fichier de scénarios (TOML) et comparer ses scénarios, ou afficher la comparaison d’un lot déjà exécuté (comparison.csv dans le dossier --out de `ccgeo batch`)</translation>
    </message>
    <message>
        <source>No scenario batch there</source>
        <translation>Aucun lot de scénarios ici</translation>
    </message>
    <message>
        <source>Open Scenario &amp;Batch…</source>
        <translation>Ouvrir un &amp;lot de scénarios…</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Covered (tests/yr)</source>
        <translation>Couvert (analyses/an)</translation>
    </message>
    <message>
        <source>Capacity used</source>
        <translation>Capacité utilisée</translation>
    </message>
    <message>
        <source>Reach (min)</source>
        <translation>Portée (min)</translation>
    </message>
    <message>
        <source>Stopped by</source>
        <translation>Arrêté par</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Need (tests/yr)</source>
        <translation>Besoin (analyses/an)</translation>
    </message>
    <message>
        <source>Accessibility</source>
        <translation>Accessibilité</translation>
    </message>
    <message>
        <source>People with no lab in reach</source>
        <translation>Personnes sans laboratoire à portée</translation>
    </message>
    <message>
        <source>Share covered</source>
        <translation>Part couverte</translation>
    </message>
    <message>
        <source>People covered</source>
        <translation>Personnes couvertes</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>capacity unknown</source>
        <translation>capacité inconnue</translation>
    </message>
    <message>
        <source>no need</source>
        <translation>aucun besoin</translation>
    </message>
    <message>
        <source>capacity full</source>
        <translation>capacité épuisée</translation>
    </message>
    <message>
        <source>time limit</source>
        <translation>limite de temps</translation>
    </message>
    <message>
        <source>Test, lab quality and travel mode come from the Analysis panel; the facilities count as the live what-if has them (hubs placed, labs upgraded or closed)</source>
        <translation>L’analyse, la qualité du laboratoire et le mode de transport viennent du panneau Analyse ; les structures comptent telles que la simulation en cours les a (laboratoires de référence placés, laboratoires renforcés ou fermés)</translation>
    </message>
    <message>
        <source>A lab is within reach up to this travel time (inclusive)</source>
        <translation>Un laboratoire est à portée jusqu’à ce temps de trajet (inclus)</translation>
    </message>
    <message>
        <source>Which lab takes the need it reaches first (coverage only)</source>
        <translation>Quel laboratoire prend d’abord le besoin qu’il atteint (couverture seulement)</translation>
    </message>
    <message>
        <source>Compute capacity</source>
        <translation>Calculer la capacité</translation>
    </message>
    <message>
        <source>Compare lab capacity with the need (F9)</source>
        <translation>Comparer la capacité des laboratoires au besoin (F9)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Jusqu’à</translation>
    </message>
    <message>
        <source>Lab order</source>
        <translation>Ordre des laboratoires</translation>
    </message>
    <message>
        <source>No capacity result yet.</source>
        <translation>Pas encore de résultat de capacité.</translation>
    </message>
    <message>
        <source>Each lab&apos;s capacity against the need within reach</source>
        <translation>La capacité de chaque laboratoire face au besoin à portée</translation>
    </message>
    <message>
        <source>The result by district</source>
        <translation>Le résultat par district</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>Laboratoires</translation>
    </message>
    <message>
        <source>By district</source>
        <translation>Par district</translation>
    </message>
    <message>
        <source>Each lab&apos;s capacity against the need within its reach</source>
        <translation>La capacité de chaque laboratoire face au besoin à sa portée</translation>
    </message>
    <message>
        <source>Accessibility or the share of need covered, by district</source>
        <translation>Accessibilité ou part du besoin couverte, par district</translation>
    </message>
    <message>
        <source>E2SFCA bands {bands} min, weights {weights}.</source>
        <translation>Bandes E2SFCA {bands} min, poids {weights}.</translation>
    </message>
    <message>
        <source>Open a project first (File ▸ Open).</source>
        <translation>Ouvrez d’abord un projet (Fichier ▸ Ouvrir).</translation>
    </message>
    <message>
        <source>Comparing {test} lab capacity with the need…</source>
        <translation>Comparaison de la capacité des laboratoires de {test} au besoin…</translation>
    </message>
    <message>
        <source>Cancelled: the result shown (if any) is the previous one.</source>
        <translation>Annulé : le résultat affiché (s’il y en a un) est le précédent.</translation>
    </message>
    <message numerus="yes">
        <source>Done: {method}, %n labs{edits}.</source>
        <translation>
            <numerusform>Terminé : {method}, %n laboratoire{edits}.</numerusform>
            <numerusform>Terminé : {method}, %n laboratoires{edits}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: {warning}</source>
        <translation>Remarque : {warning}</translation>
    </message>
    <message>
        <source>outside every district</source>
        <translation>hors de tout district</translation>
    </message>
    <message>
        <source>Lab capacity</source>
        <comment>panel</comment>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Lab capaci&amp;ty…</source>
        <translation>Capaci&amp;té des laboratoires…</translation>
    </message>
    <message>
        <source>Compare lab capacity with the need for tests: 2SFCA, E2SFCA or capacity-limited coverage (F9)</source>
        <translation>Comparer la capacité des laboratoires au besoin en analyses : 2SFCA, E2SFCA ou couverture limitée par la capacité (F9)</translation>
    </message>
    <message>
        <source>Facility</source>
        <extracomment>Marks the row of the travel times (its text changes with the language). The kind of a feature as its row names it (English; shown through `tr`).</extracomment>
        <translation>Structure</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>{mode}, traffic ×{factor}</source>
        <translation>{mode}, circulation ×{factor}</translation>
    </message>
    <message>
        <source>off the road network: more than {metres} m from a road</source>
        <translation>hors du réseau routier : à plus de {metres} m d’une route</translation>
    </message>
    <message>
        <source>unreachable: no {test} lab can be reached from here</source>
        <translation>inaccessible : aucun laboratoire de {test} n’est accessible d’ici</translation>
    </message>
    <message>
        <source>{minutes} to {lab} ({lab_id})</source>
        <translation>{minutes} jusqu’à {lab} ({lab_id})</translation>
    </message>
    <message>
        <source>Travel time to the nearest lab</source>
        <translation>Temps de trajet jusqu’au laboratoire le plus proche</translation>
    </message>
    <message>
        <source>Run the analysis (F5) to see the travel time from here to the nearest lab</source>
        <translation>Lancez l’analyse (F5) pour voir le temps de trajet d’ici jusqu’au laboratoire le plus proche</translation>
    </message>
    <message>
        <source>to the nearest lab</source>
        <translation>jusqu’au laboratoire le plus proche</translation>
    </message>
    <message>
        <source>{mode}: with the what-if edits (hubs, upgrades, closures); {others}: as run, without them</source>
        <translation>{mode} : avec les modifications de la simulation (laboratoires de référence, renforcements, fermetures) ; {others} : tel que lancé, sans elles</translation>
    </message>
    <message>
        <source>{mode}: with the what-if edits (hubs, upgrades, closures)</source>
        <translation>{mode} : avec les modifications de la simulation (laboratoires de référence, renforcements, fermetures)</translation>
    </message>
    <message>
        <source>Travel time to the nearest {test} lab</source>
        <translation>Temps de trajet jusqu’au laboratoire de {test} le plus proche</translation>
    </message>
    <message>
        <source>to the nearest {test} lab</source>
        <translation>jusqu’au laboratoire de {test} le plus proche</translation>
    </message>
    <message>
        <source>Travel time to the nearest {test} lab ({quality})</source>
        <translation>Temps de trajet jusqu’au laboratoire de {test} le plus proche ({quality})</translation>
    </message>
    <message>
        <source>to the nearest {test} lab ({quality})</source>
        <translation>jusqu’au laboratoire de {test} le plus proche ({quality})</translation>
    </message>
    <message>
        <source>Choose the Identify tool (I) and click anywhere on the map: the features there and the travel time to the nearest lab.</source>
        <translation>Choisissez l’outil Identifier (I) et cliquez n’importe où sur la carte : les entités qui s’y trouvent et le temps de trajet jusqu’au laboratoire le plus proche.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>ccgeo projects (*.ccgeo)</source>
        <extracomment>The page of the outputs that opens in the browser. What the run logs of the app&apos;s comparison say ran. Share of the progress bar for the indicators (the rest: writing the outputs).</extracomment>
        <translation>Projets ccgeo (*.ccgeo)</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Labs counted</source>
        <translation>Laboratoires comptés</translation>
    </message>
    <message>
        <source>Indicator</source>
        <extracomment>Column headers of the tidy table, in the order of its columns: what a narrow dock shows first (the indicator, its value and level) on the left.</extracomment>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Writing the tables, charts, maps, dashboard and brief…</source>
        <extracomment>Widest the indicator column starts, pixels: its value and level stay in a laptop&apos;s dock.</extracomment>
        <translation>Écriture des tableaux, graphiques, cartes, tableau de bord et note…</translation>
    </message>
    <message>
        <source>Open the Dashboard</source>
        <translation>Ouvrir le tableau de bord</translation>
    </message>
    <message>
        <source>Open dashboard.html of the output folder in the web browser (works offline)</source>
        <translation>Ouvrir dashboard.html du dossier des résultats dans le navigateur (fonctionne hors ligne)</translation>
    </message>
    <message>
        <source>One row per city, test, quality level and indicator; the level (1-5) is on the draft scale of resources/readiness.toml</source>
        <translation>Une ligne par ville, test, niveau de qualité et indicateur ; le niveau (1-5) est sur l’échelle provisoire de resources/readiness.toml</translation>
    </message>
    <message>
        <source>Show the indicators of one city, or of every city</source>
        <translation>Afficher les indicateurs d’une ville ou de toutes</translation>
    </message>
    <message>
        <source>Choose several projects with File ▸ Compare Cities… to compare their readiness.</source>
        <translation>Choisissez plusieurs projets avec Fichier ▸ Comparer des villes… pour comparer leur préparation.</translation>
    </message>
    <message numerus="yes">
        <source>%n city(ies) compared; tables, charts and brief in {folder}</source>
        <translation>
            <numerusform>%n ville comparée ; tableaux, graphiques et note dans {folder}</numerusform>
            <numerusform>%n villes comparées ; tableaux, graphiques et note dans {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>Toutes les villes</translation>
    </message>
    <message>
        <source>in EQA</source>
        <translation>en EEQ</translation>
    </message>
    <message>
        <source>accredited</source>
        <translation>accrédités</translation>
    </message>
    <message>
        <source>Compare Cities</source>
        <translation>Comparer des villes</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s): {names}</source>
        <translation>
            <numerusform>%n projet : {names}</numerusform>
            <numerusform>%n projets : {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>every test of each city</source>
        <translation>tous les tests de chaque ville</translation>
    </message>
    <message>
        <source>Tests to compare, comma-separated (ihc, pcr)</source>
        <translation>Tests à comparer, séparés par des virgules (ihc, pcr)</translation>
    </message>
    <message>
        <source>indicators.csv and .xlsx, charts, maps, dashboard.html and brief.pdf go here</source>
        <translation>indicators.csv et .xlsx, graphiques, cartes, dashboard.html et brief.pdf vont ici</translation>
    </message>
    <message>
        <source>Tests:</source>
        <translation>Tests :</translation>
    </message>
    <message>
        <source>Folder for the outputs of the comparison</source>
        <translation>Dossier des résultats de la comparaison</translation>
    </message>
    <message>
        <source>Comparing the cities…</source>
        <translation>Comparaison des villes…</translation>
    </message>
    <message>
        <source>Comparison of the cities cancelled</source>
        <translation>Comparaison des villes annulée</translation>
    </message>
    <message>
        <source>Choose the projects of the cities to compare</source>
        <translation>Choisissez les projets des villes à comparer</translation>
    </message>
    <message>
        <source>Cities compared</source>
        <translation>Villes comparées</translation>
    </message>
    <message>
        <source>Co&amp;mpare Cities…</source>
        <translation>Co&amp;mparer des villes…</translation>
    </message>
    <message>
        <source>Compare the diagnostic readiness of several projects, one city each: indicators, levels on the draft scale, charts, maps, an offline dashboard and a PDF brief</source>
        <translation>Comparer la préparation diagnostique de plusieurs projets, une ville chacun : indicateurs, niveaux sur l’échelle provisoire, graphiques, cartes, un tableau de bord hors ligne et une note PDF</translation>
    </message>
    <message>
        <source>Double-click a feature to zoom to it</source>
        <translation>Double-cliquez sur une entité pour zoomer dessus</translation>
    </message>
    <message>
        <source>Travel time</source>
        <extracomment>The travel times shown with the features (None: none asked for).</extracomment>
        <translation>Temps de trajet</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>No map feature here ({where}).</source>
        <translation>Aucune entité de la carte ici ({where}).</translation>
    </message>
    <message>
        <source>Nothing here ({where}).</source>
        <translation>Rien ici ({where}).</translation>
    </message>
    <message>
        <source>1 feature at {where}</source>
        <translation>1 entité à {where}</translation>
    </message>
    <message>
        <source>{count} features at {where}</source>
        <translation>{count} entités à {where}</translation>
    </message>
    <message>
        <source>The map&apos;s layers, top drawn over the ones below: tick to show or hide, drag to reorder, right-click for more</source>
        <extracomment>Kinds whose layer is not removed from the panel: the base map has its own menu. The last context menu shown (kept alive; tests read it), and the last Style dialog.</extracomment>
        <translation>Les couches de la carte, celle du haut dessinée par-dessus les autres : cochez pour afficher ou masquer, glissez pour réordonner, clic droit pour plus</translation>
    </message>
    <message>
        <source>Opacity of the selected layer</source>
        <translation>Opacité de la couche sélectionnée</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <source>Opacity {percent} %</source>
        <translation>Opacité {percent} %</translation>
    </message>
    <message>
        <source>Move layer {layer}</source>
        <translation>Déplacer la couche {layer}</translation>
    </message>
    <message>
        <source>Remove layer {layer}</source>
        <translation>Retirer la couche {layer}</translation>
    </message>
    <message>
        <source>Add back layer {layer}</source>
        <translation>Remettre la couche {layer}</translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation>Zoom sur la couche</translation>
    </message>
    <message>
        <source>Hide</source>
        <comment>layer</comment>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Show</source>
        <comment>layer</comment>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Style…</source>
        <translation>Style…</translation>
    </message>
    <message>
        <source>Colours and sizes of this layer&apos;s classes (undo with Ctrl+Z)</source>
        <translation>Couleurs et tailles des classes de cette couche (annuler avec Ctrl+Z)</translation>
    </message>
    <message>
        <source>This layer is drawn with a fixed style</source>
        <translation>Cette couche est dessinée avec un style fixe</translation>
    </message>
    <message>
        <source>Remove</source>
        <comment>layer</comment>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Choose View ▸ Base map ▸ None to hide the base map</source>
        <translation>Choisissez Affichage ▸ Fond de carte ▸ Aucun pour masquer le fond de carte</translation>
    </message>
    <message>
        <source>Take this layer off the map (Delete; undo with Ctrl+Z)</source>
        <translation>Retirer cette couche de la carte (Suppr ; annuler avec Ctrl+Z)</translation>
    </message>
    <message>
        <source>Add back</source>
        <translation>Remettre</translation>
    </message>
    <message>
        <source>Put {layer} back on the map at its place</source>
        <translation>Remettre {layer} sur la carte, à sa place</translation>
    </message>
    <message>
        <source>{layer}: tick to show, drag to change the drawing order, right-click for more</source>
        <translation>{layer} : cochez pour afficher, glissez pour changer l’ordre de dessin, clic droit pour plus</translation>
    </message>
    <message>
        <source>Siting new {test} hubs…</source>
        <extracomment>The settings the siting result was computed with. The what-if edits the siting and the referral counted (None: none).</extracomment>
        <translation>Localisation de nouveaux laboratoires de {test}…</translation>
    </message>
    <message>
        <source>Planning the {test} sample referral…</source>
        <translation>Planification de l’acheminement des échantillons pour {test}…</translation>
    </message>
    <message>
        <source>there is no proposal yet: run the siting first</source>
        <translation>il n’y a pas encore de proposition : lancez d’abord la localisation</translation>
    </message>
    <message>
        <source>New hubs</source>
        <translation>Nouveaux laboratoires de référence</translation>
    </message>
    <message>
        <source>New hubs</source>
        <comment>panel</comment>
        <translation>Implantation</translation>
    </message>
    <message>
        <source>Referral</source>
        <comment>panel</comment>
        <translation>Acheminement</translation>
    </message>
    <message>
        <source>&amp;Site new hubs…</source>
        <translation>&amp;Placer de nouveaux laboratoires de référence…</translation>
    </message>
    <message>
        <source>Choose new testing hubs: most people covered, least travel time or fewest hubs (F7)</source>
        <translation>Choisir de nouveaux laboratoires de référence : le plus de personnes couvertes, le temps de trajet le plus court ou le moins de laboratoires (F7)</translation>
    </message>
    <message>
        <source>Sample re&amp;ferral…</source>
        <translation>&amp;Acheminement des échantillons…</translation>
    </message>
    <message>
        <source>Plan how specimens travel from biopsy sites to hub labs by courier (F8)</source>
        <translation>Planifier l’acheminement des échantillons par coursier des sites de biopsie vers les laboratoires de référence (F8)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>How to fix it</source>
        <translation>Comment corriger</translation>
    </message>
    <message>
        <source>facilities</source>
        <extracomment>What a note without a file is about, by its topic (English; shown through `tr`).</extracomment>
        <translation>structures</translation>
    </message>
    <message>
        <source>population</source>
        <translation>population</translation>
    </message>
    <message>
        <source>analysis</source>
        <translation>analyse</translation>
    </message>
    <message>
        <source>What the data lacked or what ccgeo changed; double-click a row about a facility to show it in the table and on the map</source>
        <translation>Ce qui manquait aux données ou ce que ccgeo a modifié ; double-cliquez sur une ligne concernant une structure pour l’afficher dans le tableau et sur la carte</translation>
    </message>
    <message>
        <source>No data notes: import data and run an analysis to see what they hold.</source>
        <translation>Aucune remarque sur les données : importez des données et lancez une analyse pour voir ce qu’elles contiennent.</translation>
    </message>
    <message>
        <source>Nothing to review; where the people and facility rows went is listed below.</source>
        <translation>Rien à vérifier ; ce que sont devenues les personnes et les lignes de structures est indiqué ci-dessous.</translation>
    </message>
    <message>
        <source>{count} {what}</source>
        <comment>a number of data notes and what they are</comment>
        <translation>{count} {what}</translation>
    </message>
    <message>
        <source>To review: {notes}. Double-click a row about a facility to show it.</source>
        <translation>À vérifier : {notes}. Double-cliquez sur une ligne concernant une structure pour l’afficher.</translation>
    </message>
    <message>
        <source>Spoke</source>
        <translation>Site préleveur</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Laboratoire de référence</translation>
    </message>
    <message>
        <source>Sample trip (min)</source>
        <translation>Trajet de l’échantillon (min)</translation>
    </message>
    <message>
        <source>Pick-up</source>
        <translation>Ramassage</translation>
    </message>
    <message>
        <source>Sample to result (working days)</source>
        <translation>Du prélèvement au résultat (jours ouvrés)</translation>
    </message>
    <message>
        <source>Patient trip (min)</source>
        <translation>Trajet du patient (min)</translation>
    </message>
    <message>
        <source>Patient − sample (min)</source>
        <translation>Patient − échantillon (min)</translation>
    </message>
    <message>
        <source>Meets target</source>
        <translation>Atteint la cible</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Proposé</translation>
    </message>
    <message>
        <source>Spokes served</source>
        <translation>Sites desservis</translation>
    </message>
    <message>
        <source>Couriers needed</source>
        <translation>Coursiers nécessaires</translation>
    </message>
    <message>
        <source>Tests/year</source>
        <translation>Analyses/an</translation>
    </message>
    <message>
        <source>Capacity/year</source>
        <translation>Capacité/an</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <source>daily</source>
        <extracomment>How often a courier picks up at a spoke (``&quot;&lt;k&gt; per week&quot;`` is worded by `frequency_label`).</extracomment>
        <translation>quotidien</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>hebdomadaire</translation>
    </message>
    <message>
        <source>worst case wait for the courier</source>
        <extracomment>Which wait for the next pick-up decides whether a spoke meets the target (``wait_rule``).</extracomment>
        <translation>attente du coursier dans le pire cas</translation>
    </message>
    <message>
        <source>average case wait for the courier</source>
        <translation>attente moyenne du coursier</translation>
    </message>
    <message>
        <source>{count} per week</source>
        <translation>{count} par semaine</translation>
    </message>
    <message numerus="yes">
        <source>{share} of %n spokes get a result within {days} working days of the sample ({rule})</source>
        <translation>
            <numerusform>{share} de %n site préleveur reçoit un résultat dans les {days} jours ouvrés suivant le prélèvement ({rule})</numerusform>
            <numerusform>{share} des %n sites préleveurs reçoivent un résultat dans les {days} jours ouvrés suivant le prélèvement ({rule})</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} {frequency}</source>
        <comment>spokes picked up this often</comment>
        <translation>{frequency} : {count}</translation>
    </message>
    <message numerus="yes">
        <source>%n spokes served by {hubs} hubs in {loops} courier loops{frequency}, couriers {mode}</source>
        <translation>
            <numerusform>%n site préleveur desservi par {hubs} laboratoires de référence en {loops} tournées de ramassage{frequency}, coursiers {mode}</numerusform>
            <numerusform>%n sites préleveurs desservis par {hubs} laboratoires de référence en {loops} tournées de ramassage{frequency}, coursiers {mode}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n spokes cannot be served:</source>
        <translation>
            <numerusform>%n site préleveur ne peut pas être desservi :</numerusform>
            <numerusform>%n sites préleveurs ne peuvent pas être desservis :</numerusform>
        </translation>
    </message>
    <message>
        <source>Median trip to the hub: sample {sample} min by courier, patient {patient} min {mode}</source>
        <translation>Trajet médian jusqu’au laboratoire de référence : échantillon {sample} min par coursier, patient {patient} min {mode}</translation>
    </message>
    <message>
        <source>Patients&apos; travel saved: {hours} hours a year</source>
        <translation>Trajets des patients économisés : {hours} heures par an</translation>
    </message>
    <message>
        <source>no route</source>
        <translation>aucun itinéraire</translation>
    </message>
    <message>
        <source>Plan referral</source>
        <translation>Planifier l’acheminement</translation>
    </message>
    <message>
        <source>Plan the sample referral with these settings (F8)</source>
        <translation>Planifier l’acheminement des échantillons avec ces paramètres (F8)</translation>
    </message>
    <message>
        <source>No referral plan yet.</source>
        <translation>Pas encore de plan d’acheminement.</translation>
    </message>
    <message>
        <source>One row per spoke: select one to show its route on the map</source>
        <translation>Une ligne par site préleveur : sélectionnez-en un pour voir son trajet sur la carte</translation>
    </message>
    <message>
        <source>Each hub lab&apos;s spokes, couriers and workload</source>
        <translation>Les sites préleveurs, coursiers et charge de travail de chaque laboratoire de référence</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Spokes</source>
        <translation>Préleveurs</translation>
    </message>
    <message>
        <source>Hub workload</source>
        <translation>Charge de travail</translation>
    </message>
    <message>
        <source>The plan in a few sentences, and the spokes not served</source>
        <translation>Le plan en quelques phrases, et les sites préleveurs non desservis</translation>
    </message>
    <message>
        <source>One row per spoke: its hub, trips, pick-ups and times</source>
        <translation>Une ligne par site préleveur : son laboratoire de référence, ses trajets, ramassages et délais</translation>
    </message>
    <message>
        <source>Each hub&apos;s spokes, couriers, tests a year and capacity</source>
        <translation>Les sites préleveurs, coursiers, analyses par an et capacité de chaque laboratoire de référence</translation>
    </message>
    <message>
        <source>The test whose specimens are referred to the hub labs</source>
        <translation>L’analyse dont les échantillons sont acheminés vers les laboratoires de référence</translation>
    </message>
    <message>
        <source>Only labs meeting this standard act as hubs</source>
        <translation>Seuls les laboratoires qui atteignent ce niveau servent de laboratoires de référence</translation>
    </message>
    <message>
        <source>How couriers travel (patients travel as in the analysis)</source>
        <translation>Comment les coursiers se déplacent (les patients comme dans l’analyse)</translation>
    </message>
    <message>
        <source>Couriers each hub lab can send out per day</source>
        <translation>Coursiers que chaque laboratoire de référence peut envoyer par jour</translation>
    </message>
    <message>
        <source>When the couriers leave the hub</source>
        <translation>Quand les coursiers quittent le laboratoire de référence</translation>
    </message>
    <message>
        <source>When the couriers must be back at the hub</source>
        <translation>Quand les coursiers doivent être de retour au laboratoire de référence</translation>
    </message>
    <message>
        <source>The last pick-up at a spoke on a courier day</source>
        <translation>Le dernier ramassage chez un site préleveur un jour de tournée</translation>
    </message>
    <message>
        <source>Include the proposed hubs</source>
        <translation>Inclure les laboratoires proposés</translation>
    </message>
    <message>
        <source>Add the hubs of the last siting proposal to the existing hub labs</source>
        <translation>Ajouter les laboratoires de la dernière proposition de localisation aux laboratoires de référence existants</translation>
    </message>
    <message>
        <source>per hub, by</source>
        <translation>par laboratoire, en</translation>
    </message>
    <message>
        <source>to</source>
        <comment>from one time to another</comment>
        <translation>à</translation>
    </message>
    <message>
        <source>Hub quality</source>
        <translation>Qualité du laboratoire de référence</translation>
    </message>
    <message>
        <source>Couriers</source>
        <translation>Coursiers</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Last pick-up</source>
        <translation>Dernier ramassage</translation>
    </message>
    <message numerus="yes">
        <source>The %n proposed {test} hubs count: in the what-if</source>
        <translation>
            <numerusform>Le laboratoire de {test} proposé compte déjà : il est dans la simulation</numerusform>
            <numerusform>Les %n laboratoires de {test} proposés comptent déjà : ils sont dans la simulation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Include the %n proposed {test} hubs</source>
        <translation>
            <numerusform>Inclure les laboratoires de {test} proposés (%n)</numerusform>
            <numerusform>Inclure les laboratoires de {test} proposés (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>the proposed hubs were sited for {sited}, not {test}: choose {sited} here, or untick &apos;Include the proposed hubs&apos;</source>
        <translation>les laboratoires proposés ont été placés pour {sited}, pas pour {test} : choisissez {sited} ici, ou décochez « Inclure les laboratoires proposés »</translation>
    </message>
    <message>
        <source>Cancelled: the plan shown (if any) is the previous one.</source>
        <translation>Annulé : le plan affiché (s’il y en a un) est le précédent.</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n spokes, {loops} courier loops{edits}.</source>
        <translation>
            <numerusform>Terminé : %n site préleveur, {loops} tournées de ramassage{edits}.</numerusform>
            <numerusform>Terminé : %n sites préleveurs, {loops} tournées de ramassage{edits}.</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>{part} of {whole}</source>
        <translation>{part} sur {whole}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>{frequency}, {clock}</source>
        <comment>pick-up</comment>
        <translation>{frequency}, {clock}</translation>
    </message>
    <message>
        <source>not servable</source>
        <translation>non desservable</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Within (min)</source>
        <translation>Jusqu’à (min)</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Couvertes</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Beyond</source>
        <translation>Au-delà</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Inaccessibles</translation>
    </message>
    <message>
        <source>This chart compares districts, and the project has none: import them with File ▸ Import ▸ Districts… to see the coverage of each.</source>
        <extracomment>The Lancet Commission on Global Surgery target: 80 % of people within 2 h (DOMAIN.md). What the chart says when the project has no districts to compare.</extracomment>
        <translation>Ce graphique compare les districts, et le projet n’en a aucun : importez-les avec Fichier ▸ Importer ▸ Districts… pour voir la couverture de chacun.</translation>
    </message>
    <message>
        <source>Off-network</source>
        <translation>Hors réseau</translation>
    </message>
    <message>
        <source>Area (km²)</source>
        <translation>Superficie (km²)</translation>
    </message>
    <message>
        <source>Nearest lab</source>
        <translation>Laboratoire le plus proche</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>No analysis yet: set the test and press Run (F5).</source>
        <translation>Pas encore d’analyse : choisissez l’analyse et appuyez sur Lancer (F5).</translation>
    </message>
    <message>
        <source>Coverage of the whole area, and its change from the baseline</source>
        <translation>Couverture de toute la zone et sa variation par rapport à la situation actuelle</translation>
    </message>
    <message>
        <source>Threshold of the bar chart</source>
        <translation>Seuil du diagramme en barres</translation>
    </message>
    <message>
        <source>Share of each district&apos;s people within the threshold</source>
        <translation>Part des personnes de chaque district dans le seuil</translation>
    </message>
    <message>
        <source>People within each threshold, by district (inclusive: ≤ T)</source>
        <translation>Personnes dans chaque seuil, par district (inclus : ≤ T)</translation>
    </message>
    <message>
        <source>Underserved areas, most people first: click one to zoom to it</source>
        <translation>Zones mal desservies, les plus peuplées d’abord : cliquez sur l’une pour zoomer dessus</translation>
    </message>
    <message>
        <source>Underserved areas</source>
        <translation>Zones mal desservies</translation>
    </message>
    <message>
        <source>Chart threshold</source>
        <translation>Seuil du diagramme</translation>
    </message>
    <message>
        <source>{share} within {minutes} ({people} people)</source>
        <translation>{share} à {minutes} ou moins ({people} personnes)</translation>
    </message>
    <message>
        <source>Share of people within {minutes}, by district</source>
        <translation>Part des personnes à {minutes} ou moins, par district</translation>
    </message>
    <message numerus="yes">
        <source>Underserved areas: beyond {minutes}, %n areas, {people} people</source>
        <translation>
            <numerusform>Zones mal desservies : au-delà de {minutes}, %n zone, {people} personnes</numerusform>
            <numerusform>Zones mal desservies : au-delà de {minutes}, %n zones, {people} personnes</numerusform>
        </translation>
    </message>
    <message>
        <source>{people} people ({share}) within {minutes}</source>
        <extracomment>Layers of the live what-if, hidden while two scenarios are on the map. Layers drawn under a scenario&apos;s catchment bands (and under the difference map).</extracomment>
        <translation>{people} personnes ({share}) à {minutes} ou moins</translation>
    </message>
    <message>
        <source>{name}: hubs and upgrades</source>
        <translation>{name} : laboratoires de référence et renforcements</translation>
    </message>
    <message>
        <source>{name}: catchment bands</source>
        <translation>{name} : bandes de desserte</translation>
    </message>
    <message>
        <source>On the map</source>
        <translation>Sur la carte</translation>
    </message>
    <message>
        <source>Scenario A: what the map is compared with (before)</source>
        <translation>Scénario A : ce à quoi la carte est comparée (avant)</translation>
    </message>
    <message>
        <source>Scenario B: the scenario compared with A (after)</source>
        <translation>Scénario B : le scénario comparé à A (après)</translation>
    </message>
    <message>
        <source>Travel time within which a person counts as served (inclusive)</source>
        <translation>Temps de trajet dans lequel une personne compte comme desservie (inclus)</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>A on the main map, B on a second map beside it: same extent and scale, panning and zooming linked</source>
        <translation>A sur la carte principale, B sur une seconde carte à côté : même emprise et même échelle, déplacement et zoom liés</translation>
    </message>
    <message>
        <source>Difference map</source>
        <translation>Carte des différences</translation>
    </message>
    <message>
        <source>People who gain access within the threshold from A to B, who lose it, and the unchanged, with their numbers</source>
        <translation>Personnes qui gagnent l’accès dans le seuil de A à B, celles qui le perdent et celles qui ne changent pas, avec leurs nombres</translation>
    </message>
    <message>
        <source>Close</source>
        <comment>take the scenarios off the map</comment>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Back to the live what-if on a single map</source>
        <translation>Revenir à la simulation en cours sur une seule carte</translation>
    </message>
    <message>
        <source>Coverage of A and B within the threshold, and who gains or loses</source>
        <translation>Couverture de A et de B dans le seuil, et qui gagne ou perd</translation>
    </message>
    <message>
        <source>A:</source>
        <comment>scenario A</comment>
        <translation>A :</translation>
    </message>
    <message>
        <source>B:</source>
        <comment>scenario B</comment>
        <translation>B :</translation>
    </message>
    <message>
        <source>Within:</source>
        <translation>Jusqu’à :</translation>
    </message>
    <message>
        <source>Comparing {b} with {a}…</source>
        <extracomment>The scenarios on the map, ``&quot;side&quot;`` or ``&quot;difference&quot;``, or None. Which of A and B is the baseline (its name is said in the language of the moment).</extracomment>
        <translation>Comparaison de {b} avec {a}…</translation>
    </message>
    <message>
        <source>Not applied: {edits}</source>
        <translation>Non appliqué : {edits}</translation>
    </message>
    <message>
        <source>Scenario</source>
        <extracomment>Column headers of the comparison table (the others are per threshold).</extracomment>
        <translation>Scénario</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Variation</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message numerus="yes">
        <source>%n new hubs</source>
        <translation>
            <numerusform>%n nouveau laboratoire de référence</numerusform>
            <numerusform>%n nouveaux laboratoires de référence</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n upgrades</source>
        <translation>
            <numerusform>%n renforcement</numerusform>
            <numerusform>%n renforcements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n labs closed</source>
        <translation>
            <numerusform>%n laboratoire fermé</numerusform>
            <numerusform>%n laboratoires fermés</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. Two PCR hubs in the east</source>
        <translation>p. ex. Deux laboratoires PCR à l’est</translation>
    </message>
    <message>
        <source>Name of the new scenario</source>
        <translation>Nom du nouveau scénario</translation>
    </message>
    <message>
        <source>What it proposes, for the report (optional)</source>
        <translation>Ce qu’il propose, pour le rapport (facultatif)</translation>
    </message>
    <message>
        <source>What the scenario proposes, shown in the report (optional)</source>
        <translation>Ce que propose le scénario, affiché dans le rapport (facultatif)</translation>
    </message>
    <message>
        <source>Save current what-if</source>
        <translation>Enregistrer la simulation</translation>
    </message>
    <message>
        <source>Keep the candidate hubs, upgrades and settings under this name</source>
        <translation>Garder les laboratoires de référence candidats, les renforcements et les paramètres sous ce nom</translation>
    </message>
    <message>
        <source>Saved scenarios: select one or more to apply, delete or compare</source>
        <translation>Scénarios enregistrés : sélectionnez-en un ou plusieurs pour appliquer, supprimer ou comparer</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Show the selected scenario on the map (undoable)</source>
        <translation>Afficher le scénario sélectionné sur la carte (annulable)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected scenarios from the project</source>
        <translation>Supprimer du projet les scénarios sélectionnés</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Coverage of the selected scenarios (all when none is selected) side by side</source>
        <translation>Couverture des scénarios sélectionnés (tous si aucun n’est sélectionné) côte à côte</translation>
    </message>
    <message>
        <source>Whole-area coverage per scenario and threshold, and the change</source>
        <extracomment>Writes the message line (again when the language changes).</extracomment>
        <translation>Couverture de toute la zone par scénario et par seuil, et la variation</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Two scenarios on the map: side by side, or a difference map.</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Saved scenario “{name}”: {summary}.</source>
        <translation>Scénario « {name} » enregistré : {summary}.</translation>
    </message>
    <message>
        <source>Applied “{name}”: Ctrl+Z goes back.</source>
        <translation>« {name} » appliqué : Ctrl+Z revient en arrière.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n scenarios.</source>
        <translation>
            <numerusform>%n scénario supprimé.</numerusform>
            <numerusform>%n scénarios supprimés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n scenarios…</source>
        <translation>
            <numerusform>Comparaison de %n scénario…</numerusform>
            <numerusform>Comparaison de %n scénarios…</numerusform>
        </translation>
    </message>
    <message>
        <source>Comparing scenarios…</source>
        <translation>Comparaison des scénarios…</translation>
    </message>
    <message numerus="yes">
        <source>Compared %n scenarios with their baseline.</source>
        <translation>
            <numerusform>%n scénario comparé à sa situation actuelle.</numerusform>
            <numerusform>%n scénarios comparés à leur situation actuelle.</numerusform>
        </translation>
    </message>
    <message>
        <source>{gain} people</source>
        <translation>{gain} personnes</translation>
    </message>
    <message>
        <source>Skipped: {edits}</source>
        <translation>Ignoré : {edits}</translation>
    </message>
    <message>
        <source>Most people covered (MCLP)</source>
        <extracomment>The siting models (English, marked for `tr`).</extracomment>
        <translation>Le plus de personnes couvertes (MCLP)</translation>
    </message>
    <message>
        <source>Least travel time (p-median)</source>
        <translation>Temps de trajet le plus court (p-médian)</translation>
    </message>
    <message>
        <source>Fewest hubs for a target share (LSCP)</source>
        <translation>Le moins de laboratoires pour une cible (LSCP)</translation>
    </message>
    <message>
        <source>most people covered</source>
        <extracomment>The goal of each model inside a name (``&quot;3 new PCR hubs (most people covered)&quot;``).</extracomment>
        <translation>le plus de personnes couvertes</translation>
    </message>
    <message>
        <source>least travel time</source>
        <translation>temps de trajet le plus court</translation>
    </message>
    <message>
        <source>fewest hubs for a target share</source>
        <translation>le moins de laboratoires pour une cible</translation>
    </message>
    <message>
        <source>Choose N new hubs that bring the most people within the time limit</source>
        <translation>Choisir N nouveaux laboratoires de référence qui amènent le plus de personnes dans la limite de temps</translation>
    </message>
    <message>
        <source>Choose N new hubs that cut the population-weighted travel time the most</source>
        <translation>Choisir N nouveaux laboratoires de référence qui réduisent le plus le temps de trajet pondéré par la population</translation>
    </message>
    <message>
        <source>Choose the fewest new hubs that bring the target share within the time limit</source>
        <translation>Choisir le moins de nouveaux laboratoires de référence qui amènent la part visée dans la limite de temps</translation>
    </message>
    <message>
        <source>upgrade</source>
        <translation>renforcement</translation>
    </message>
    <message>
        <source>new site (grid)</source>
        <translation>nouveau site (grille)</translation>
    </message>
    <message>
        <source>new site (placed)</source>
        <translation>nouveau site (placé)</translation>
    </message>
    <message>
        <source>people</source>
        <extracomment>The units a siting counts its gains in (``weight_unit`` of its settings).</extracomment>
        <translation>personnes</translation>
    </message>
    <message>
        <source>tests per year</source>
        <translation>analyses par an</translation>
    </message>
    <message>
        <source>exact MILP (HiGHS)</source>
        <translation>MILP exact (HiGHS)</translation>
    </message>
    <message>
        <source>lazy greedy with a bound</source>
        <translation>glouton paresseux avec borne</translation>
    </message>
    <message>
        <source>proven optimal</source>
        <translation>optimum prouvé</translation>
    </message>
    <message>
        <source>stopped at the time limit</source>
        <translation>arrêté à la limite de temps</translation>
    </message>
    <message>
        <source>heuristic</source>
        <translation>heuristique</translation>
    </message>
    <message>
        <source>What it adds</source>
        <translation>Ce qu’il apporte</translation>
    </message>
    <message>
        <source>Share after</source>
        <translation>Part après</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Covered before</source>
        <translation>Couvertes avant</translation>
    </message>
    <message>
        <source>Covered after</source>
        <translation>Couvertes après</translation>
    </message>
    <message>
        <source>Gained</source>
        <translation>Gagnées</translation>
    </message>
    <message>
        <source>a scenario needs a name, such as &apos;Three new PCR hubs&apos;</source>
        <translation>un scénario a besoin d’un nom, comme « Trois nouveaux laboratoires PCR »</translation>
    </message>
    <message>
        <source>the proposal has no hub (the existing labs already meet the target): nothing to add</source>
        <translation>la proposition n’a aucun laboratoire de référence (les laboratoires existants atteignent déjà la cible) : rien à ajouter</translation>
    </message>
    <message>
        <source>proposed hub {rank} ({name}) has no position; run the siting again</source>
        <translation>le laboratoire de référence proposé {rank} ({name}) n’a pas de position ; relancez la localisation</translation>
    </message>
    <message>
        <source>Proposed hub {rank}</source>
        <translation>Laboratoire proposé {rank}</translation>
    </message>
    <message>
        <source>{model}: {hubs}</source>
        <translation>{model} : {hubs}</translation>
    </message>
    <message>
        <source>cuts the mean trip by {minutes} min</source>
        <translation>réduit le trajet moyen de {minutes} min</translation>
    </message>
    <message>
        <source>adds {gain} {unit} within {minutes}</source>
        <translation>ajoute {gain} {unit} à {minutes} ou moins</translation>
    </message>
    <message>
        <source>, within {percent} % of the optimum</source>
        <translation>, à {percent} % de l’optimum au plus</translation>
    </message>
    <message>
        <source>Solver: {method}, {status}{gap}; {seconds} s (+ {build} s for the travel times)</source>
        <translation>Solveur : {method}, {status}{gap} ; {seconds} s (+ {build} s pour les temps de trajet)</translation>
    </message>
    <message>
        <source>Test, lab quality and travel mode come from the Analysis panel; the labs of the live what-if stay open and count (its hubs too, unless they are the candidates)</source>
        <translation>L’analyse, la qualité du laboratoire et le mode de transport viennent du panneau Analyse ; les laboratoires de la simulation en cours restent ouverts et comptent (ses laboratoires de référence aussi, sauf s’ils sont les candidats)</translation>
    </message>
    <message>
        <source>What the new hubs should achieve</source>
        <translation>Ce que les nouveaux laboratoires de référence doivent atteindre</translation>
    </message>
    <message>
        <source>Number of new hubs to choose (most people / least travel time)</source>
        <translation>Nombre de nouveaux laboratoires de référence à choisir (le plus de personnes / temps de trajet le plus court)</translation>
    </message>
    <message>
        <source>A person is covered within this travel time (inclusive)</source>
        <translation>Une personne est couverte dans ce temps de trajet (inclus)</translation>
    </message>
    <message>
        <source>Share of all people to bring within the time (fewest hubs)</source>
        <translation>Part de toutes les personnes à amener dans le temps (le moins de laboratoires)</translation>
    </message>
    <message>
        <source>Upgrade existing facilities</source>
        <translation>Renforcer des structures existantes</translation>
    </message>
    <message>
        <source>Facilities that cannot do the test yet may be upgraded</source>
        <translation>Les structures qui ne font pas encore l’analyse peuvent être renforcées</translation>
    </message>
    <message>
        <source>New sites on a grid over underserved areas</source>
        <translation>Nouveaux sites sur une grille couvrant les zones mal desservies</translation>
    </message>
    <message>
        <source>Candidate sites every so many metres where people live beyond the time limit</source>
        <translation>Sites candidats tous les tant de mètres là où des personnes vivent au-delà de la limite de temps</translation>
    </message>
    <message>
        <source>Distance between grid sites, metres</source>
        <translation>Distance entre les sites de la grille, en mètres</translation>
    </message>
    <message>
        <source>Points placed on the map</source>
        <translation>Points placés sur la carte</translation>
    </message>
    <message>
        <source>The candidate hubs placed with Analysis ▸ Place hub (H) are candidates too (not open labs the siting starts from)</source>
        <translation>Les laboratoires de référence candidats placés avec Analyse ▸ Placer un laboratoire de référence (H) sont aussi des candidats (et non des laboratoires ouverts dont part la localisation)</translation>
    </message>
    <message>
        <source>Site hubs</source>
        <translation>Placer les laboratoires</translation>
    </message>
    <message>
        <source>Choose new hubs with these settings (F7)</source>
        <translation>Choisir de nouveaux laboratoires de référence avec ces paramètres (F7)</translation>
    </message>
    <message>
        <source>No proposal yet.</source>
        <translation>Pas encore de proposition.</translation>
    </message>
    <message>
        <source>The proposed hubs in rank order: click one to show it on the map</source>
        <translation>Les laboratoires de référence proposés par rang : cliquez sur l’un d’eux pour le voir sur la carte</translation>
    </message>
    <message>
        <source>Share of people within the limit with 0 (today) to 10 new hubs, each the best set of that size</source>
        <translation>Part des personnes dans la limite avec 0 (aujourd’hui) à 10 nouveaux laboratoires de référence, chaque fois le meilleur ensemble de cette taille</translation>
    </message>
    <message>
        <source>People within the limit by district, before and after the proposal</source>
        <translation>Personnes dans la limite par district, avant et après la proposition</translation>
    </message>
    <message>
        <source>Name of the scenario</source>
        <translation>Nom du scénario</translation>
    </message>
    <message>
        <source>The scenario is kept under this name in the project</source>
        <translation>Le scénario est conservé sous ce nom dans le projet</translation>
    </message>
    <message>
        <source>Make a scenario of this proposal</source>
        <translation>Faire un scénario de cette proposition</translation>
    </message>
    <message>
        <source>Put the proposed hubs on the map as what-if edits (replacing the current ones; Ctrl+Z takes them back) and keep them as a named scenario</source>
        <translation>Mettre les laboratoires de référence proposés sur la carte comme modifications de la simulation (à la place des actuelles ; Ctrl+Z les retire) et les garder comme un scénario nommé</translation>
    </message>
    <message>
        <source>hubs within</source>
        <extracomment>Writes the line under &quot;Make a scenario&quot; (again when the language changes).</extracomment>
        <translation>laboratoires à</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>New</source>
        <comment>new hubs</comment>
        <translation>Nouveaux</translation>
    </message>
    <message>
        <source>Target share</source>
        <translation>Part visée</translation>
    </message>
    <message>
        <source>Candidate sites</source>
        <translation>Sites candidats</translation>
    </message>
    <message>
        <source>every</source>
        <comment>grid spacing</comment>
        <translation>tous les</translation>
    </message>
    <message>
        <source>Ranked hubs</source>
        <translation>Classement</translation>
    </message>
    <message>
        <source>Coverage curve</source>
        <translation>Courbe</translation>
    </message>
    <message>
        <source>The proposed hubs in rank order, and Make a scenario</source>
        <translation>Les laboratoires de référence proposés par rang, et Faire un scénario</translation>
    </message>
    <message>
        <source>Share of people covered with 0 to 10 new hubs</source>
        <translation>Part des personnes couvertes avec 0 à 10 nouveaux laboratoires de référence</translation>
    </message>
    <message>
        <source>People within the limit by district, before and after</source>
        <translation>Personnes dans la limite par district, avant et après</translation>
    </message>
    <message>
        <source>Points placed on the map ({count})</source>
        <translation>Points placés sur la carte ({count})</translation>
    </message>
    <message>
        <source>no candidate sites chosen: tick &apos;upgrade existing facilities&apos;, &apos;grid over underserved areas&apos; or &apos;points placed on the map&apos;</source>
        <translation>aucun site candidat choisi : cochez « Renforcer des structures existantes », « Nouveaux sites sur une grille » ou « Points placés sur la carte »</translation>
    </message>
    <message>
        <source>Cancelled: the proposal shown (if any) is the previous one.</source>
        <translation>Annulé : la proposition affichée (s’il y en a une) est la précédente.</translation>
    </message>
    <message>
        <source>Done in {seconds} s{edits}.</source>
        <translation>Terminé en {seconds} s{edits}.</translation>
    </message>
    <message numerus="yes">
        <source>%n new {test} hubs ({goal})</source>
        <translation>
            <numerusform>%n nouveau laboratoire de {test} ({goal})</numerusform>
            <numerusform>%n nouveaux laboratoires de {test} ({goal})</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message numerus="yes">
        <source>%n hubs ★</source>
        <comment>the proposal&apos;s number of hubs</comment>
        <translation>
            <numerusform>%n laboratoire ★</numerusform>
            <numerusform>%n laboratoires ★</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hubs</source>
        <translation>
            <numerusform>%n laboratoire</numerusform>
            <numerusform>%n laboratoires</numerusform>
        </translation>
    </message>
    <message>
        <source>Share within {minutes} with 0 to {count} new hubs (★ = proposal)</source>
        <translation>Part à {minutes} ou moins avec 0 à {count} nouveaux laboratoires (★ = proposition)</translation>
    </message>
    <message>
        <source>Scenario “{name}” saved: {sites} and {upgrades} are on the map as what-if edits (Ctrl+Z takes them back).</source>
        <translation>Scénario « {name} » enregistré : {sites} et {upgrades} sont sur la carte comme modifications de la simulation (Ctrl+Z les retire).</translation>
    </message>
    <message numerus="yes">
        <source>%n new sites</source>
        <translation>
            <numerusform>%n nouveau site</numerusform>
            <numerusform>%n nouveaux sites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new {test} hubs cut the mean trip from {before} to {after} min</source>
        <translation>
            <numerusform>%n nouveau laboratoire de {test} réduit le trajet moyen de {before} à {after} min</numerusform>
            <numerusform>%n nouveaux laboratoires de {test} réduisent le trajet moyen de {before} à {after} min</numerusform>
        </translation>
    </message>
    <message>
        <source>No new {test} hub is needed: the target is met already</source>
        <translation>Aucun nouveau laboratoire de {test} n’est nécessaire : la cible est déjà atteinte</translation>
    </message>
    <message numerus="yes">
        <source>%n new {test} hubs bring +{people} people within {minutes} ({before} → {after})</source>
        <translation>
            <numerusform>%n nouveau laboratoire de {test} amène +{people} personnes à {minutes} ou moins ({before} → {after})</numerusform>
            <numerusform>%n nouveaux laboratoires de {test} amènent +{people} personnes à {minutes} ou moins ({before} → {after})</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop the run under way</source>
        <translation>Arrêter le calcul en cours</translation>
    </message>
    <message>
        <source>⚠ From the saved project: made {when}, and the data changed since. Run again for a plan of the data as it is now.</source>
        <translation>⚠ Du projet enregistré : fait le {when}, et les données ont changé depuis. Relancez pour un plan des données telles qu’elles sont maintenant.</translation>
    </message>
    <message>
        <source>Made {when}, saved with the project.</source>
        <translation>Fait le {when}, enregistré avec le projet.</translation>
    </message>
    <message>
        <source>{name} is open in another ccgeo window ({holder}): opened read-only; File ▸ Save As saves a copy under another name</source>
        <extracomment>The project file this window holds the lock of (None: none).</extracomment>
        <translation>{name} est ouvert dans une autre fenêtre de ccgeo ({holder}) : ouvert en lecture seule ; Fichier ▸ Enregistrer sous enregistre une copie sous un autre nom</translation>
    </message>
    <message>
        <source>Settings files (*.toml);;All files (*)</source>
        <translation>Fichiers de paramètres (*.toml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Settings loaded from {name}</source>
        <translation>Paramètres chargés depuis {name}</translation>
    </message>
    <message>
        <source>Load analysis settings</source>
        <translation>Charger les paramètres d’analyse</translation>
    </message>
    <message>
        <source>The settings were not loaded</source>
        <translation>Les paramètres n’ont pas été chargés</translation>
    </message>
    <message>
        <source>Save analysis settings</source>
        <translation>Enregistrer les paramètres d’analyse</translation>
    </message>
    <message>
        <source>The settings were not saved</source>
        <translation>Les paramètres n’ont pas été enregistrés</translation>
    </message>
    <message>
        <source>Settings saved to {name}</source>
        <translation>Paramètres enregistrés dans {name}</translation>
    </message>
    <message>
        <source>&amp;Load settings…</source>
        <translation>&amp;Charger des paramètres…</translation>
    </message>
    <message>
        <source>Use the settings of a file (TOML, as `ccgeo --settings` reads) for every analysis</source>
        <translation>Utiliser pour chaque analyse les paramètres d’un fichier (TOML, comme celui que lit `ccgeo --settings`)</translation>
    </message>
    <message>
        <source>Sa&amp;ve settings…</source>
        <translation>En&amp;registrer les paramètres…</translation>
    </message>
    <message>
        <source>Write the settings shown in the panels to a file that `ccgeo ... --settings FILE` reads</source>
        <translation>Écrire les paramètres affichés dans les panneaux dans un fichier que lit `ccgeo ... --settings FILE`</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <extracomment>Key of ``Project.settings`` holding the view. Version of the view dict, and of the `QMainWindow.saveState` layout in it. Height of a window&apos;s title bar and frame, pixels, kept free when a window is sized. The panels as ccgeo places them: what Reset layout goes back to.</extracomment>
        <translation>Réinitialiser la &amp;disposition</translation>
    </message>
    <message>
        <source>Put every panel back where ccgeo first placed it, docked</source>
        <translation>Remettre chaque panneau, ancré, là où ccgeo l’avait placé au départ</translation>
    </message>
    <message>
        <source>Add {hub}</source>
        <extracomment>Name of the tool in `MapCanvas.set_tool`. A press and release closer than this is a click, not a drag, screen pixels. A facility or hub this close to the cursor is under it, screen pixels.</extracomment>
        <translation>Ajouter {hub}</translation>
    </message>
    <message>
        <source>Move {hub}</source>
        <translation>Déplacer {hub}</translation>
    </message>
    <message>
        <source>Remove {hub}</source>
        <translation>Retirer {hub}</translation>
    </message>
    <message>
        <source>Remove the {test} upgrade of {facility}</source>
        <translation>Retirer le renforcement en {test} de {facility}</translation>
    </message>
    <message>
        <source>Close {test} lab {facility}</source>
        <translation>Fermer le laboratoire de {test} {facility}</translation>
    </message>
    <message>
        <source>Reopen {test} lab {facility}</source>
        <translation>Rouvrir le laboratoire de {test} {facility}</translation>
    </message>
    <message>
        <source>Upgrade {facility} to {test}</source>
        <translation>Renforcer {facility} en {test}</translation>
    </message>
    <message>
        <source>Apply scenario {name}</source>
        <translation>Appliquer le scénario {name}</translation>
    </message>
    <message>
        <source>Take this candidate hub away (undo with Ctrl+Z)</source>
        <translation>Retirer ce laboratoire de référence candidat (annuler avec Ctrl+Z)</translation>
    </message>
    <message>
        <source>What if this lab stopped doing {test} tests? (undo with Ctrl+Z)</source>
        <translation>Et si ce laboratoire cessait de faire des analyses de {test} ? (annuler avec Ctrl+Z)</translation>
    </message>
    <message>
        <source>What if this facility could do {test} tests? (undo with Ctrl+Z)</source>
        <translation>Et si cette structure pouvait faire des analyses de {test} ? (annuler avec Ctrl+Z)</translation>
    </message>
    <message>
        <source>Place a candidate hub here</source>
        <translation>Placer ici un laboratoire de référence candidat</translation>
    </message>
    <message>
        <source>Open a new {test} lab at this point</source>
        <translation>Ouvrir un nouveau laboratoire de {test} à cet endroit</translation>
    </message>
    <message>
        <source>road points tried per person</source>
        <translation>points de route essayés par personne</translation>
    </message>
    <message>
        <source>threshold (min)</source>
        <translation>seuil (min)</translation>
    </message>
    <message>
        <source>time limit (min)</source>
        <translation>temps limite (min)</translation>
    </message>
    <message>
        <source>grid spacing (m)</source>
        <translation>espacement de la grille (m)</translation>
    </message>
    <message>
        <source>facilities never to propose</source>
        <translation>structures à ne jamais proposer</translation>
    </message>
    <message>
        <source>solver</source>
        <translation>solveur</translation>
    </message>
    <message>
        <source>solver time limit (s)</source>
        <translation>temps limite du solveur (s)</translation>
    </message>
    <message>
        <source>labs&apos; capacity limit</source>
        <translation>limite de capacité des laboratoires</translation>
    </message>
    <message>
        <source>capacity of a new hub (tests a year)</source>
        <translation>capacité d’un nouveau laboratoire de référence (analyses par an)</translation>
    </message>
    <message>
        <source>minutes counted for people out of reach</source>
        <translation>minutes comptées pour les personnes hors d’atteinte</translation>
    </message>
    <message>
        <source>time counted for people out of reach</source>
        <translation>temps compté pour les personnes hors d’atteinte</translation>
    </message>
    <message>
        <source>hubs in the coverage curve</source>
        <translation>laboratoires de référence dans la courbe de couverture</translation>
    </message>
    <message>
        <source>E2SFCA bands (min)</source>
        <translation>Bandes E2SFCA (min)</translation>
    </message>
    <message>
        <source>E2SFCA weights</source>
        <translation>Poids E2SFCA</translation>
    </message>
    <message>
        <source>unit of need</source>
        <translation>unité du besoin</translation>
    </message>
    <message>
        <source>demand parameter file</source>
        <translation>fichier de paramètres de la demande</translation>
    </message>
    <message>
        <source>tests per person a year</source>
        <translation>analyses par personne et par an</translation>
    </message>
    <message>
        <source>share eligible for the test</source>
        <translation>part éligible à l’analyse</translation>
    </message>
    <message>
        <source>referral parameter file</source>
        <translation>fichier de paramètres d’acheminement</translation>
    </message>
    <message>
        <source>couriers&apos; travel mode</source>
        <translation>mode de transport des coursiers</translation>
    </message>
    <message>
        <source>Couriers per hub</source>
        <translation>Coursiers par laboratoire de référence</translation>
    </message>
    <message>
        <source>Shift start</source>
        <translation>Début de service</translation>
    </message>
    <message>
        <source>Shift end</source>
        <translation>Fin de service</translation>
    </message>
    <message>
        <source>biopsy sites (spokes)</source>
        <translation>sites de biopsie (sites préleveurs)</translation>
    </message>
    <message>
        <source>tests a year of each biopsy site</source>
        <translation>analyses par an de chaque site de biopsie</translation>
    </message>
    <message>
        <source>biopsy sites&apos; hubs</source>
        <translation>laboratoires de référence des sites de biopsie</translation>
    </message>
    <message>
        <source>speed of roads with no stated speed (km/h)</source>
        <translation>vitesse des routes sans vitesse indiquée (km/h)</translation>
    </message>
    <message>
        <source>top speed (km/h)</source>
        <translation>vitesse maximale (km/h)</translation>
    </message>
    <message>
        <source>factor of unpaved roads</source>
        <translation>facteur des routes non revêtues</translation>
    </message>
    <message>
        <source>one-way streets rule</source>
        <translation>règle des sens uniques</translation>
    </message>
    <message>
        <source>speed-limit rule</source>
        <translation>règle des limitations de vitesse</translation>
    </message>
    <message>
        <source>capacity (tests a year)</source>
        <translation>capacité (analyses par an)</translation>
    </message>
    <message>
        <source>facility id</source>
        <translation>ID de la structure</translation>
    </message>
    <message>
        <source>quality assessment (EQA)</source>
        <translation>contrôle de qualité externe (EEQ)</translation>
    </message>
    <message>
        <source>Analysis settings</source>
        <extracomment>The analysis a settings message is about, by the name the settings object gives it (in English; the same name translated by gettext is found too).</extracomment>
        <translation>Paramètres de l’analyse</translation>
    </message>
    <message>
        <source>Site new hubs settings</source>
        <translation>Paramètres de Placer de nouveaux laboratoires de référence</translation>
    </message>
    <message>
        <source>Lab capacity settings</source>
        <translation>Paramètres de Capacité des laboratoires</translation>
    </message>
    <message>
        <source>Sample referral settings</source>
        <translation>Paramètres d’acheminement des échantillons</translation>
    </message>
    <message>
        <source>Courier settings</source>
        <translation>Paramètres des coursiers</translation>
    </message>
    <message>
        <source>“{label}”</source>
        <extracomment>A name in backticks, as the core words its messages: `` `max_snap_m` ``. A snake_case word standing alone: not inside a file path or a file name, and not in quotes (a quoted value is the user&apos;s own, such as a column of their spreadsheet), English or French ones (« valeur », with a space or a no-break space inside) included. A message about a file the planner wrote (a settings, speed or parameter file) starts with the file&apos;s path: there a setting keeps the key the file spells it with, so it can be found.</extracomment>
        <translation>« {label} »</translation>
    </message>
    <message>
        <source>{label} (&apos;{name}&apos; in the file)</source>
        <translation>{label} (&apos;{name}&apos; dans le fichier)</translation>
    </message>
    <message>
        <source>facility_id</source>
        <comment>column</comment>
        <translation>ID structure</translation>
    </message>
    <message>
        <source>name</source>
        <comment>column</comment>
        <translation>nom</translation>
    </message>
    <message>
        <source>biopsy</source>
        <comment>column</comment>
        <translation>biopsie</translation>
    </message>
    <message>
        <source>cytology</source>
        <comment>column</comment>
        <translation>cytologie</translation>
    </message>
    <message>
        <source>histology</source>
        <comment>column</comment>
        <translation>histologie</translation>
    </message>
    <message>
        <source>ihc</source>
        <comment>column</comment>
        <translation>IHC</translation>
    </message>
    <message>
        <source>ish</source>
        <comment>column</comment>
        <translation>ISH</translation>
    </message>
    <message>
        <source>pcr</source>
        <comment>column</comment>
        <translation>PCR</translation>
    </message>
    <message>
        <source>ngs</source>
        <comment>column</comment>
        <translation>NGS</translation>
    </message>
    <message>
        <source>flow</source>
        <comment>column</comment>
        <translation>cytométrie</translation>
    </message>
    <message>
        <source>eqa</source>
        <comment>column</comment>
        <translation>EEQ</translation>
    </message>
    <message>
        <source>accreditation</source>
        <comment>column</comment>
        <translation>accréditation</translation>
    </message>
    <message>
        <source>capacity_tests_per_year</source>
        <comment>column</comment>
        <translation>capacité (analyses/an)</translation>
    </message>
    <message>
        <source>ownership</source>
        <comment>column</comment>
        <translation>statut</translation>
    </message>
    <message>
        <source>review</source>
        <comment>column</comment>
        <translation>à vérifier</translation>
    </message>
    <message>
        <source>district_id</source>
        <comment>column</comment>
        <translation>ID district</translation>
    </message>
    <message>
        <source>population</source>
        <comment>column</comment>
        <translation>population</translation>
    </message>
    <message>
        <source>area_km2</source>
        <comment>column</comment>
        <translation>superficie (km²)</translation>
    </message>
    <message>
        <source>row</source>
        <comment>column</comment>
        <translation>ligne</translation>
    </message>
    <message>
        <source>severity</source>
        <comment>column</comment>
        <translation>gravité</translation>
    </message>
    <message>
        <source>column</source>
        <comment>column</comment>
        <translation>colonne</translation>
    </message>
    <message>
        <source>value</source>
        <comment>column</comment>
        <translation>valeur</translation>
    </message>
    <message>
        <source>problem</source>
        <comment>column</comment>
        <translation>problème</translation>
    </message>
    <message>
        <source>fix</source>
        <comment>column</comment>
        <translation>correction</translation>
    </message>
    <message>
        <source>capacity (tests/year)</source>
        <comment>column</comment>
        <translation>capacité (analyses/an)</translation>
    </message>
    <message>
        <source>flagged for review</source>
        <comment>column</comment>
        <translation>signalée pour vérification</translation>
    </message>
    <message>
        <source>longitude</source>
        <comment>column</comment>
        <translation>longitude</translation>
    </message>
    <message>
        <source>latitude</source>
        <comment>column</comment>
        <translation>latitude</translation>
    </message>
    <message>
        <source>class</source>
        <comment>column</comment>
        <translation>classe</translation>
    </message>
    <message>
        <source>maxspeed</source>
        <comment>column</comment>
        <translation>vitesse maximale</translation>
    </message>
    <message>
        <source>oneway</source>
        <comment>column</comment>
        <translation>sens unique</translation>
    </message>
    <message>
        <source>length</source>
        <comment>column</comment>
        <translation>longueur</translation>
    </message>
    <message>
        <source>surface</source>
        <comment>column</comment>
        <translation>revêtement</translation>
    </message>
    <message>
        <source>OSM way</source>
        <comment>column</comment>
        <translation>voie OSM</translation>
    </message>
    <message>
        <source>none</source>
        <comment>EQA level</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>national</source>
        <comment>EQA level</comment>
        <translation>national</translation>
    </message>
    <message>
        <source>international</source>
        <comment>EQA level</comment>
        <translation>international</translation>
    </message>
    <message>
        <source>none</source>
        <comment>accreditation</comment>
        <translation>aucune</translation>
    </message>
    <message>
        <source>iso15189</source>
        <comment>accreditation</comment>
        <translation>ISO 15189</translation>
    </message>
    <message>
        <source>cap</source>
        <comment>accreditation</comment>
        <translation>CAP</translation>
    </message>
    <message>
        <source>other</source>
        <comment>accreditation</comment>
        <translation>autre</translation>
    </message>
    <message>
        <source>public</source>
        <comment>ownership</comment>
        <translation>public</translation>
    </message>
    <message>
        <source>private</source>
        <comment>ownership</comment>
        <translation>privé</translation>
    </message>
    <message>
        <source>faith_based</source>
        <comment>ownership</comment>
        <translation>confessionnel</translation>
    </message>
    <message>
        <source>ngo</source>
        <comment>ownership</comment>
        <translation>ONG</translation>
    </message>
    <message>
        <source>military</source>
        <comment>ownership</comment>
        <translation>militaire</translation>
    </message>
    <message>
        <source>other</source>
        <comment>ownership</comment>
        <translation>autre</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>ownership</comment>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>doubtful</source>
        <comment>import issue</comment>
        <translation>douteuse</translation>
    </message>
    <message>
        <source>rejected</source>
        <comment>import issue</comment>
        <translation>rejetée</translation>
    </message>
    <message>
        <source>warning</source>
        <comment>import issue</comment>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>fixed</source>
        <comment>import issue</comment>
        <translation>corrigée</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {error}

This is a bug in ccgeo, not a problem with your data. The details were written to the log.</source>
        <extracomment>Shown for errors that are bugs rather than bad input; the traceback goes to the log.</extracomment>
        <translation>Une erreur inattendue s’est produite : {error}

C’est un bogue de ccgeo, pas un problème de vos données. Les détails ont été écrits dans le journal.</translation>
    </message>
    <message>
        <source>{stage} · about {time} left</source>
        <extracomment>The pace of the function&apos;s progress, fed in its own thread (`time_left_text`).</extracomment>
        <translation>{stage} · environ {time} restantes</translation>
    </message>
    <message>
        <source>Writing the table, page and PDF…</source>
        <extracomment>What the run logs of the app&apos;s progress say ran. Share of the progress bar for the indicators (the rest: writing the outputs).</extracomment>
        <translation>Écriture du tableau, de la page et du PDF…</translation>
    </message>
    <message>
        <source>Open the Progress Page</source>
        <translation>Ouvrir la page de progrès</translation>
    </message>
    <message>
        <source>Open progress.html of the output folder in the web browser (works offline)</source>
        <translation>Ouvrir progress.html du dossier de sortie dans le navigateur (fonctionne hors ligne)</translation>
    </message>
    <message>
        <source>The city&apos;s indicators before and after, the change, and the levels (1-5) on the draft scale of resources/readiness.toml</source>
        <translation>Les indicateurs de la ville avant et après, la variation et les niveaux (1-5) sur l&apos;échelle provisoire de resources/readiness.toml</translation>
    </message>
    <message>
        <source>Choose two versions of a city&apos;s project with File ▸ Progress Over Time….</source>
        <translation>Choisissez deux versions du projet d&apos;une ville avec Fichier ▸ Progrès dans le temps….</translation>
    </message>
    <message>
        <source>{before} → {after}; table, page and PDF in {folder}</source>
        <translation>{before} → {after} ; tableau, page et PDF dans {folder}</translation>
    </message>
    <message>
        <source>Progress Over Time</source>
        <translation>Progrès dans le temps</translation>
    </message>
    <message>
        <source>Two versions of one city&apos;s project: the baseline, and the same city after new hubs or a new courier route.</source>
        <translation>Deux versions du projet d&apos;une ville : la situation de référence, et la même ville après de nouveaux pôles ou une nouvelle tournée de coursier.</translation>
    </message>
    <message>
        <source>The baseline project (.ccgeo)</source>
        <translation>Le projet de la situation de référence (.ccgeo)</translation>
    </message>
    <message>
        <source>The later project (.ccgeo)</source>
        <translation>Le projet ultérieur (.ccgeo)</translation>
    </message>
    <message>
        <source>progress.csv and .xlsx, progress.html, progress.pdf and the run logs go here</source>
        <translation>progress.csv et .xlsx, progress.html, progress.pdf et les journaux d&apos;exécution vont ici</translation>
    </message>
    <message>
        <source>Compare Versions</source>
        <translation>Comparer les versions</translation>
    </message>
    <message>
        <source>Compute both versions in the background and show what changed</source>
        <translation>Calculer les deux versions en arrière-plan et montrer ce qui a changé</translation>
    </message>
    <message>
        <source>Close without comparing</source>
        <translation>Fermer sans comparer</translation>
    </message>
    <message>
        <source>Baseline:</source>
        <translation>Référence :</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Après :</translation>
    </message>
    <message>
        <source>The baseline project of the city</source>
        <translation>Le projet de référence de la ville</translation>
    </message>
    <message>
        <source>The later project of the city</source>
        <translation>Le projet ultérieur de la ville</translation>
    </message>
    <message>
        <source>Folder for the outputs of the progress</source>
        <translation>Dossier des sorties du progrès</translation>
    </message>
    <message>
        <source>Comparing the two versions of the city…</source>
        <translation>Comparaison des deux versions de la ville…</translation>
    </message>
    <message>
        <source>Progress over time cancelled</source>
        <translation>Progrès dans le temps annulé</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progrès</translation>
    </message>
    <message>
        <source>Progress Over &amp;Time…</source>
        <translation>Progrès dans le &amp;temps…</translation>
    </message>
    <message>
        <source>Compare two versions of a city&apos;s project (a baseline, then after new hubs or a new courier route): what changed, for whom and by how much, with a page and a PDF</source>
        <translation>Comparer deux versions du projet d&apos;une ville (une situation de référence, puis après de nouveaux pôles ou une nouvelle tournée de coursier) : ce qui a changé, pour qui et de combien, avec une page et un PDF</translation>
    </message>
</context>
</TS>
