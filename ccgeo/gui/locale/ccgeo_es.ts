<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name></name>
    <message>
        <source>ccgeo desktop app: where people can and cannot reach cancer diagnostic labs.</source>
        <extracomment>Window size of ``--screenshot`` renders, pixels: the workshop laptop (``--size`` changes it).</extracomment>
        <translation>Aplicación de escritorio ccgeo: dónde la población puede y no puede llegar a los laboratorios de diagnóstico del cáncer.</translation>
    </message>
    <message>
        <source>a .ccgeo project file to open (default: the last project opened, or the synthetic demo city on first start; with --screenshot: the demo city)</source>
        <translation>un archivo de proyecto .ccgeo para abrir (por defecto: el último proyecto abierto, o la ciudad de demostración sintética en el primer inicio; con --screenshot: la ciudad de demostración)</translation>
    </message>
    <message>
        <source>render the window to OUT.png once the project is loaded and its analysis run, then exit</source>
        <translation>guardar la ventana en OUT.png una vez cargado el proyecto y ejecutado su análisis, y salir</translation>
    </message>
    <message>
        <source>with --screenshot: show the project as loaded, without running the analysis</source>
        <translation>con --screenshot: mostrar el proyecto tal como se carga, sin ejecutar el análisis</translation>
    </message>
    <message>
        <source>with --screenshot: the window size in pixels (default: 1366x768, a workshop laptop)</source>
        <translation>con --screenshot: el tamaño de la ventana en píxeles (por defecto: 1366x768, un portátil de taller)</translation>
    </message>
    <message>
        <source>with --screenshot: show the facility import wizard&apos;s validation of FILE</source>
        <translation>con --screenshot: mostrar la validación de FILE en el asistente de importación de establecimientos</translation>
    </message>
    <message>
        <source>the language of the app: {languages} (default: the one chosen in Edit ▸ Preferences, else the system&apos;s)</source>
        <translation>el idioma de la aplicación: {languages} (por defecto: el elegido en Editar ▸ Preferencias; si no, el del sistema)</translation>
    </message>
    <message>
        <source>the size should be WIDTHxHEIGHT in pixels, such as 1366x768; got {text}</source>
        <translation>el tamaño debe ser ANCHOxALTO en píxeles, como 1366x768; se recibió {text}</translation>
    </message>
    <message>
        <source>the size {text} is out of range (320x240 to 8000x8000 pixels)</source>
        <translation>el tamaño {text} está fuera de rango (de 320x240 a 8000x8000 píxeles)</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <extracomment>References to ``None`` added by `guard_none_refcount` (never reached by real use: 2^40).</extracomment>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <source>ccgeo: could not write the screenshot {path}</source>
        <translation>ccgeo: no se pudo escribir la captura de pantalla {path}</translation>
    </message>
    <message>
        <source>Untitled project</source>
        <extracomment>Seconds of quiet after an edit before the burst of edits is autosaved. `ccgeo.project.UNTITLED` as the app shows it (`tr` where shown).
----------
`UNTITLED` as the app shows it (`tr` where shown).
----------
The name of a project never named (`ccgeo.project.UNTITLED`), as the title bar shows it.</extracomment>
        <translation>Proyecto sin título</translation>
    </message>
    <message>
        <source>ccgeo closed unexpectedly: restore the unsaved changes to “{name}” from {when}?

No deletes them.</source>
        <translation>ccgeo se cerró de forma inesperada: ¿restaurar los cambios sin guardar de «{name}» del {when}?

No los elimina.</translation>
    </message>
    <message>
        <source>ccgeo closed unexpectedly: restore the unsaved changes to “{name}” ({path}) from {when}?

No deletes them.</source>
        <translation>ccgeo se cerró de forma inesperada: ¿restaurar los cambios sin guardar de «{name}» ({path}) del {when}?

No los elimina.</translation>
    </message>
    <message>
        <source>Autosaving…</source>
        <translation>Guardando automáticamente…</translation>
    </message>
    <message>
        <source>Restoring the unsaved changes…</source>
        <translation>Restaurando los cambios sin guardar…</translation>
    </message>
    <message>
        <source>the recovery file has gone; nothing to restore</source>
        <translation>el archivo de recuperación ya no está; no hay nada que restaurar</translation>
    </message>
    <message>
        <source>Autosave failed (your project file is untouched): {error}</source>
        <extracomment>When False nothing is written (screenshot runs).</extracomment>
        <translation>El guardado automático falló (su archivo de proyecto está intacto): {error}</translation>
    </message>
    <message>
        <source>Base map ({file})</source>
        <extracomment>The base maps of View ▸ Base map, in menu order.</extracomment>
        <translation>Mapa base ({file})</translation>
    </message>
    <message>
        <source>Base map: {file}</source>
        <extracomment>The bottom layer of the base map after the last `arrange` (None: no base map).</extracomment>
        <translation>Mapa base: {file}</translation>
    </message>
    <message>
        <source>Base map: OpenStreetMap tiles load in the background and are kept for offline use</source>
        <translation>Mapa base: las teselas de OpenStreetMap se cargan en segundo plano y se guardan para usarlas sin conexión</translation>
    </message>
    <message>
        <source>Base map: this project has no OpenStreetMap land use, water or place names; import its roads from an OSM file (.osm.pbf) to draw them</source>
        <translation>Mapa base: este proyecto no tiene usos del suelo, agua ni topónimos de OpenStreetMap; importe sus vías desde un archivo OSM (.osm.pbf) para dibujarlos</translation>
    </message>
    <message>
        <source>Base map: drawn offline from the project&apos;s OpenStreetMap data ({areas} areas, {lines} rivers and streams, {places} place names)</source>
        <translation>Mapa base: dibujado sin conexión a partir de los datos de OpenStreetMap del proyecto ({areas} áreas, {lines} ríos y arroyos, {places} topónimos)</translation>
    </message>
    <message>
        <source>Base map: none; the roads and districts are the base map</source>
        <translation>Mapa base: ninguno; las vías y los distritos hacen de mapa base</translation>
    </message>
    <message>
        <source>The second scenario: drag or zoom either map and both follow</source>
        <extracomment>The second map (made on first use).</extracomment>
        <translation>El segundo escenario: arrastre o haga zoom en cualquiera de los mapas y ambos se mueven juntos</translation>
    </message>
    <message>
        <source>Base map unavailable offline: showing cached tiles only; the roads are the base map</source>
        <extracomment>Status-bar text when tiles cannot be fetched (English; shown through `tr`).</extracomment>
        <translation>Mapa base no disponible sin conexión: solo se muestran las teselas guardadas; las vías hacen de mapa base</translation>
    </message>
    <message>
        <source>OpenStreetMap base map</source>
        <extracomment>The name of the web tiles&apos; layer (English; shown through `tr`).</extracomment>
        <translation>Mapa base de OpenStreetMap</translation>
    </message>
    <message>
        <source>© OpenStreetMap contributors</source>
        <extracomment>More tiles than this on one screen means the zoom is too deep for it: use a coarser level. How many zoom levels up a missing tile may borrow a blurrier ancestor from the cache. Seconds to wait after a connection failure before trying the server again. Called from `paint` with the tiles it lacks and the stale ones it drew, centre first. Tiles drawn by the last `paint` (exact or borrowed from an ancestor).</extracomment>
        <translation>© colaboradores de OpenStreetMap</translation>
    </message>
    <message>
        <source>cannot write the tile cache {folder} ({reason})</source>
        <translation>no se puede escribir la caché de teselas {folder} ({reason})</translation>
    </message>
    <message>
        <source>Base map: some tiles could not be loaded ({reason})</source>
        <extracomment>Tiles requested from the server this session (for tests and the log).</extracomment>
        <translation>Mapa base: algunas teselas no se pudieron cargar ({reason})</translation>
    </message>
    <message>
        <source>Base map: {problem}</source>
        <translation>Mapa base: {problem}</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>value</comment>
        <extracomment>A click finds facilities whose symbol centre is this close, screen pixels. A click finds the road this close to the cursor, screen pixels. A press and release farther apart than this is a drag (a box), not a click, pixels. Colour of the selection highlight and of the select box.</extracomment>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>no population layer</source>
        <translation>sin capa de población</translation>
    </message>
    <message>
        <source>not tagged</source>
        <translation>sin etiqueta</translation>
    </message>
    <message>
        <source>Road: {road_class}</source>
        <translation>Vía: {road_class}</translation>
    </message>
    <message>
        <source>no people</source>
        <extracomment>Bar colours: covered share, and the rest of the district&apos;s people. The Lancet Commission on Global Surgery target: 80 % within 2 h (a reference line).</extracomment>
        <translation>sin población</translation>
    </message>
    <message>
        <source>target {percent}</source>
        <translation>meta {percent}</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <extracomment>The distributions whose versions a bundle lists. Lines of the session log kept (the oldest go first).</extracomment>
        <translation>Guardar &amp;diagnóstico…</translation>
    </message>
    <message>
        <source>Save a zip for a bug report: this session&apos;s log, the versions, the project&apos;s settings and import reports, never its data</source>
        <translation>Guardar un zip para informar de un error: el registro de esta sesión, las versiones, la configuración del proyecto y sus informes de importación, nunca sus datos</translation>
    </message>
    <message>
        <source>Save diagnostics</source>
        <translation>Guardar diagnóstico</translation>
    </message>
    <message>
        <source>Zip archive (*.zip)</source>
        <translation>Archivo zip (*.zip)</translation>
    </message>
    <message>
        <source>Could not save the diagnostics</source>
        <translation>No se pudo guardar el diagnóstico</translation>
    </message>
    <message>
        <source>Diagnostics saved to {path} (no data of the project)</source>
        <translation>Diagnóstico guardado en {path} (sin datos del proyecto)</translation>
    </message>
    <message>
        <source>Imported roads from {source}</source>
        <extracomment>Drawing order of the project&apos;s own layers, bottom to top (as `layers_from_project` builds). The status line after a layer import, by kind (translated where shown).</extracomment>
        <translation>Vías importadas de {source}</translation>
    </message>
    <message>
        <source>Imported population from {source}</source>
        <translation>Población importada de {source}</translation>
    </message>
    <message>
        <source>Imported districts from {source}</source>
        <translation>Distritos importados de {source}</translation>
    </message>
    <message>
        <source>a new roads layer was imported</source>
        <extracomment>Why the results are out of date after a layer import, by kind (translated where shown).</extracomment>
        <translation>se importó una nueva capa de vías</translation>
    </message>
    <message>
        <source>a new population layer was imported</source>
        <translation>se importó una nueva capa de población</translation>
    </message>
    <message>
        <source>a new districts layer was imported</source>
        <translation>se importó una nueva capa de distritos</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>Tabla de atributos</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Identificar</translation>
    </message>
    <message>
        <source>{tip} ({shortcut})</source>
        <extracomment>Each action with the English of its text and tip, and its shortcut (`retranslate`).</extracomment>
        <translation>{tip} ({shortcut})</translation>
    </message>
    <message>
        <source>&amp;Facilities…</source>
        <translation>&amp;Establecimientos…</translation>
    </message>
    <message>
        <source>Import a facility spreadsheet or point layer, checking every row</source>
        <translation>Importar una hoja de cálculo o capa de puntos de establecimientos, revisando cada fila</translation>
    </message>
    <message>
        <source>&amp;Roads…</source>
        <translation>&amp;Vías…</translation>
    </message>
    <message>
        <source>Load the road network from a file, or download it by place name</source>
        <translation>Cargar la red vial desde un archivo, o descargarla por nombre de lugar</translation>
    </message>
    <message>
        <source>&amp;Population…</source>
        <translation>&amp;Población…</translation>
    </message>
    <message>
        <source>Load population from a raster, a table or a point layer</source>
        <translation>Cargar la población desde un ráster, una tabla o una capa de puntos</translation>
    </message>
    <message>
        <source>&amp;Districts…</source>
        <translation>&amp;Distritos…</translation>
    </message>
    <message>
        <source>Load district boundaries</source>
        <translation>Cargar los límites de los distritos</translation>
    </message>
    <message>
        <source>&amp;Attribute table</source>
        <translation>&amp;Tabla de atributos</translation>
    </message>
    <message>
        <source>Show the facilities, districts and import reports as tables</source>
        <translation>Mostrar los establecimientos, los distritos y los informes de importación como tablas</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>&amp;Problemas</translation>
    </message>
    <message>
        <source>What the data lacked or what ccgeo changed behind the results: rows rejected or changed on import, people outside the roads or in no district; double-click a row to show its facility</source>
        <translation>Lo que faltaba en los datos o lo que ccgeo cambió detrás de los resultados: filas rechazadas o modificadas al importar, personas fuera de las vías o en ningún distrito; haga doble clic en una fila para mostrar su establecimiento</translation>
    </message>
    <message>
        <source>I&amp;dentify</source>
        <translation>I&amp;dentificar</translation>
    </message>
    <message>
        <source>Click anywhere on the map: the features there and the travel time to the nearest lab</source>
        <translation>Haga clic en cualquier lugar del mapa: los elementos que hay allí y el tiempo de viaje al laboratorio más cercano</translation>
    </message>
    <message>
        <source>&amp;Select facilities</source>
        <translation>&amp;Seleccionar establecimientos</translation>
    </message>
    <message>
        <source>Click a facility or drag a box to select; Shift adds, Ctrl toggles</source>
        <translation>Haga clic en un establecimiento o arrastre un recuadro para seleccionar; Mayús añade, Ctrl alterna</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>&amp;Borrar selección</translation>
    </message>
    <message>
        <source>Select no facility</source>
        <translation>No seleccionar ningún establecimiento</translation>
    </message>
    <message>
        <source>Zoom to se&amp;lection</source>
        <translation>Zoom a la se&amp;lección</translation>
    </message>
    <message>
        <source>Show every selected facility on the map</source>
        <translation>Mostrar en el mapa todos los establecimientos seleccionados</translation>
    </message>
    <message>
        <source>Open attribute table</source>
        <translation>Abrir tabla de atributos</translation>
    </message>
    <message>
        <source>Click on the map with the Identify tool (I).</source>
        <translation>Haga clic en el mapa con la herramienta Identificar (I).</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>Sin cambios: {reason}</translation>
    </message>
    <message>
        <source>Downloaded the roads of {place}</source>
        <translation>Vías de {place} descargadas</translation>
    </message>
    <message>
        <source>{message} ({warning})</source>
        <translation>{message} ({warning})</translation>
    </message>
    <message>
        <source>not run yet</source>
        <translation>aún no ejecutado</translation>
    </message>
    <message>
        <source>(none)</source>
        <extracomment>Rows of the file shown in the mapping preview. Shown in a mapping dropdown for &quot;no column holds this field&quot; (translated where shown).</extracomment>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>Facility tables and point layers</source>
        <extracomment>Name of the file dialog&apos;s first filter, the one with every suffix (translated where shown).</extracomment>
        <translation>Tablas de establecimientos y capas de puntos</translation>
    </message>
    <message>
        <source>Code of the facility in its registry; made up from the row number if none</source>
        <extracomment>What each schema field means, for the dropdown tooltips (translated where shown).</extracomment>
        <translation>Código del establecimiento en su registro; si no hay, se crea a partir del número de fila</translation>
    </message>
    <message>
        <source>Name of the facility</source>
        <translation>Nombre del establecimiento</translation>
    </message>
    <message>
        <source>Longitude, decimal degrees or degrees-minutes-seconds</source>
        <translation>Longitud, en grados decimales o grados-minutos-segundos</translation>
    </message>
    <message>
        <source>Latitude, decimal degrees or degrees-minutes-seconds</source>
        <translation>Latitud, en grados decimales o grados-minutos-segundos</translation>
    </message>
    <message>
        <source>One column with &apos;lat, lon&apos; or WKT POINT (lon lat), instead of lon and lat</source>
        <translation>Una columna con &apos;lat, lon&apos; o WKT POINT (lon lat), en lugar de lon y lat</translation>
    </message>
    <message>
        <source>Takes biopsies (yes/no)</source>
        <translation>Toma biopsias (sí/no)</translation>
    </message>
    <message>
        <source>Does cytology (yes/no)</source>
        <translation>Hace citología (sí/no)</translation>
    </message>
    <message>
        <source>Does histopathology (yes/no)</source>
        <translation>Hace histopatología (sí/no)</translation>
    </message>
    <message>
        <source>Does immunohistochemistry (yes/no)</source>
        <translation>Hace inmunohistoquímica (sí/no)</translation>
    </message>
    <message>
        <source>Does in situ hybridisation, FISH (yes/no)</source>
        <translation>Hace hibridación in situ, FISH (sí/no)</translation>
    </message>
    <message>
        <source>Does molecular testing, PCR (yes/no)</source>
        <translation>Hace pruebas moleculares, PCR (sí/no)</translation>
    </message>
    <message>
        <source>Does next-generation sequencing (yes/no)</source>
        <translation>Hace secuenciación de nueva generación (sí/no)</translation>
    </message>
    <message>
        <source>Does flow cytometry (yes/no)</source>
        <translation>Hace citometría de flujo (sí/no)</translation>
    </message>
    <message>
        <source>One text column listing the tests done (&apos;IHC; PCR&apos;, &apos;biologia molecular&apos;)</source>
        <translation>Una columna de texto con las pruebas que se hacen (&apos;IHC; PCR&apos;, &apos;biologia molecular&apos;)</translation>
    </message>
    <message>
        <source>External quality assessment: international, national or none</source>
        <translation>Control de calidad externo (EQA): internacional, nacional o ninguno</translation>
    </message>
    <message>
        <source>Accreditation: ISO 15189, CAP, other or none</source>
        <translation>Acreditación: ISO 15189, CAP, otra o ninguna</translation>
    </message>
    <message>
        <source>Tests per year the lab can do</source>
        <translation>Pruebas al año que puede hacer el laboratorio</translation>
    </message>
    <message>
        <source>Public, private, faith-based, NGO, military</source>
        <translation>Pública, privada, confesional, ONG, militar</translation>
    </message>
    <message>
        <source>Pathologists working at the lab (a count; optional)</source>
        <translation>Patólogos que trabajan en el laboratorio (un número; opcional)</translation>
    </message>
    <message>
        <source>Molecular technologists or scientists at the lab (a count; optional)</source>
        <translation>Tecnólogos o científicos moleculares del laboratorio (un número; opcional)</translation>
    </message>
    <message>
        <source>All problems</source>
        <extracomment>The problems the validation step lists, by severity (``&quot;&quot;``: all), with the words of its filter (translated where shown).</extracomment>
        <translation>Todos los problemas</translation>
    </message>
    <message>
        <source>Rejected (not imported)</source>
        <translation>Rechazadas (no importadas)</translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation>Marcadas para revisión</translation>
    </message>
    <message>
        <source>Fixed automatically</source>
        <translation>Corregidas automáticamente</translation>
    </message>
    <message>
        <source>Notes on the whole file</source>
        <translation>Notas sobre todo el archivo</translation>
    </message>
    <message>
        <source>facility_id</source>
        <comment>facility field</comment>
        <extracomment>Import modes of the last page.</extracomment>
        <translation>código</translation>
    </message>
    <message>
        <source>name</source>
        <comment>facility field</comment>
        <translation>nombre</translation>
    </message>
    <message>
        <source>lon</source>
        <comment>facility field</comment>
        <translation>longitud</translation>
    </message>
    <message>
        <source>lat</source>
        <comment>facility field</comment>
        <translation>latitud</translation>
    </message>
    <message>
        <source>coordinates</source>
        <comment>facility field</comment>
        <translation>coordenadas</translation>
    </message>
    <message>
        <source>biopsy</source>
        <comment>facility field</comment>
        <translation>biopsia</translation>
    </message>
    <message>
        <source>cytology</source>
        <comment>facility field</comment>
        <translation>citología</translation>
    </message>
    <message>
        <source>histology</source>
        <comment>facility field</comment>
        <translation>histología</translation>
    </message>
    <message>
        <source>ihc</source>
        <comment>facility field</comment>
        <translation>IHQ</translation>
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
        <translation>citometría</translation>
    </message>
    <message>
        <source>tests</source>
        <comment>facility field</comment>
        <translation>pruebas</translation>
    </message>
    <message>
        <source>eqa</source>
        <comment>facility field</comment>
        <translation>control externo</translation>
    </message>
    <message>
        <source>accreditation</source>
        <comment>facility field</comment>
        <translation>acreditación</translation>
    </message>
    <message>
        <source>capacity_tests_per_year</source>
        <comment>facility field</comment>
        <translation>capacidad (pruebas/año)</translation>
    </message>
    <message>
        <source>ownership</source>
        <comment>facility field</comment>
        <translation>dependencia</translation>
    </message>
    <message>
        <source>pathologists</source>
        <comment>facility field</comment>
        <translation>patólogos</translation>
    </message>
    <message>
        <source>molecular_technologists</source>
        <comment>facility field</comment>
        <translation>tecnólogos moleculares</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message numerus="yes">
        <source>%n imported id(s) were already used in the project and were renamed: {ids}</source>
        <translation>
            <numerusform>%n código importado ya se usaba en el proyecto y se renombró: {ids}</numerusform>
            <numerusform>%n códigos importados ya se usaban en el proyecto y se renombraron: {ids}</numerusform>
        </translation>
    </message>
    <message>
        <source>check whether they are the same facilities; if so, remove the copies</source>
        <translation>compruebe si son los mismos establecimientos; si lo son, elimine las copias</translation>
    </message>
    <message>
        <source>Choose the facility file</source>
        <translation>Elija el archivo de establecimientos</translation>
    </message>
    <message>
        <source>A spreadsheet (CSV, Excel, OpenDocument), JSON records, or a point layer (GeoJSON, GeoPackage, Shapefile, KML/KMZ, also zipped); exports of DHIS2, ODK, KoboToolbox and Healthsites.io and HXL tagged sheets are recognised. Nothing is changed in the file.</source>
        <translation>Una hoja de cálculo (CSV, Excel, OpenDocument), registros JSON o una capa de puntos (GeoJSON, GeoPackage, Shapefile, KML/KMZ, también comprimidos en zip); se reconocen las exportaciones de DHIS2, ODK, KoboToolbox y Healthsites.io y las hojas con etiquetas HXL. El archivo no se modifica.</translation>
    </message>
    <message>
        <source>Path of the facility file</source>
        <translation>Ruta del archivo de establecimientos</translation>
    </message>
    <message>
        <source>The file to import; type a path or choose one with Browse</source>
        <translation>El archivo que se importará; escriba una ruta o elija una con Examinar</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Choose the file in a file dialog</source>
        <translation>Elegir el archivo en un cuadro de diálogo</translation>
    </message>
    <message>
        <source>The sheet of the workbook that holds the facilities</source>
        <translation>La hoja del libro que contiene los establecimientos</translation>
    </message>
    <message>
        <source>The layer of the GeoPackage that holds the facilities</source>
        <translation>La capa del GeoPackage que contiene los establecimientos</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Hoja:</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>Capa:</translation>
    </message>
    <message>
        <source>Import facilities</source>
        <translation>Importar establecimientos</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>Asociar las columnas</translation>
    </message>
    <message>
        <source>Each field of ccgeo is matched to a column of your file; the guess is filled in. Change any dropdown, or choose (none) when the file has no such column.</source>
        <translation>Cada campo de ccgeo se asocia a una columna de su archivo; la propuesta ya está completada. Cambie cualquier lista, o elija (ninguna) cuando el archivo no tenga esa columna.</translation>
    </message>
    <message>
        <source>The first rows of the file, as read (every cell as text)</source>
        <translation>Las primeras filas del archivo, tal como se leyeron (cada celda como texto)</translation>
    </message>
    <message>
        <source>Points more than 10 km outside the study area are rejected, closer ones flagged; without one, only far outliers are flagged</source>
        <translation>Los puntos a más de 10 km fuera del área de estudio se rechazan, los más cercanos se marcan; sin área, solo se marcan los muy alejados</translation>
    </message>
    <message>
        <source>Detect swapped latitude and longitude</source>
        <translation>Detectar latitud y longitud invertidas</translation>
    </message>
    <message>
        <source>Put back, row by row, points that make sense only with latitude and longitude exchanged; each row changed is listed in the report</source>
        <translation>Corregir, fila por fila, los puntos que solo tienen sentido con la latitud y la longitud intercambiadas; cada fila cambiada figura en el informe</translation>
    </message>
    <message>
        <source>Study area:</source>
        <translation>Área de estudio:</translation>
    </message>
    <message>
        <source>What wrote the file, and what the import takes from it; change any dropdown below</source>
        <translation>Qué sistema escribió el archivo y qué toma de él la importación; cambie cualquier lista desplegable de abajo</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
    <message>
        <source>Districts of the project ({count})</source>
        <translation>Distritos del proyecto ({count})</translation>
    </message>
    <message>
        <source>None (flag far outliers only)</source>
        <translation>Ninguna (marcar solo los muy alejados)</translation>
    </message>
    <message numerus="yes">
        <source>{rows} row(s), {columns} columns; the first {shown} shown.</source>
        <translation>
            <numerusform>{rows} fila, {columns} columnas; se muestran las primeras {shown}.</numerusform>
            <numerusform>{rows} filas, {columns} columnas; se muestran las primeras {shown}.</numerusform>
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
(sin usar)</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>Revisar las filas</translation>
    </message>
    <message>
        <source>Every row is imported or listed here with the reason it was not. Rows flagged for review are imported and marked on the map so that you can check them.</source>
        <translation>Cada fila se importa o aparece aquí con el motivo por el que no se importó. Las filas marcadas para revisión se importan y se señalan en el mapa para que pueda revisarlas.</translation>
    </message>
    <message>
        <source>Show only problems of this kind</source>
        <translation>Mostrar solo los problemas de este tipo</translation>
    </message>
    <message>
        <source>Row numbers are as in the spreadsheet (the header is row 1)</source>
        <translation>Los números de fila son los de la hoja de cálculo (el encabezado es la fila 1)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>&lt;b&gt;{imported}&lt;/b&gt; imported · &lt;b&gt;{rejected}&lt;/b&gt; rejected · &lt;b&gt;{flagged}&lt;/b&gt; flagged for review (of {rows} rows)</source>
        <extracomment>The report of the last check, and what makes the status line (None: a worker&apos;s text).</extracomment>
        <translation>&lt;b&gt;{imported}&lt;/b&gt; importadas · &lt;b&gt;{rejected}&lt;/b&gt; rechazadas · &lt;b&gt;{flagged}&lt;/b&gt; marcadas para revisión (de {rows} filas)</translation>
    </message>
    <message numerus="yes">
        <source>Checked {count} row(s).</source>
        <translation>
            <numerusform>Se revisó {count} fila.</numerusform>
            <numerusform>Se revisaron {count} filas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Revisando cada fila…</translation>
    </message>
    <message>
        <source>The file cannot be imported with this mapping:</source>
        <translation>El archivo no se puede importar con esta asociación de columnas:</translation>
    </message>
    <message>
        <source>Import</source>
        <comment>wizard step</comment>
        <translation>Importación</translation>
    </message>
    <message>
        <source>&amp;Replace the facilities of the project</source>
        <translation>&amp;Reemplazar los establecimientos del proyecto</translation>
    </message>
    <message>
        <source>The imported facilities take the place of the current ones</source>
        <translation>Los establecimientos importados reemplazan a los actuales</translation>
    </message>
    <message>
        <source>&amp;Add them to the facilities of the project</source>
        <translation>&amp;Añadirlos a los establecimientos del proyecto</translation>
    </message>
    <message>
        <source>Keep the current facilities and add these; repeated ids are renamed and flagged</source>
        <translation>Conservar los establecimientos actuales y añadir estos; los códigos repetidos se renombran y se marcan</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Replace the {count} facility(ies) of the project</source>
        <translation>
            <numerusform>&amp;Reemplazar el {count} establecimiento del proyecto</numerusform>
            <numerusform>&amp;Reemplazar los {count} establecimientos del proyecto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add them to the {count} facility(ies) of the project</source>
        <translation>
            <numerusform>&amp;Añadirlos al {count} establecimiento del proyecto</numerusform>
            <numerusform>&amp;Añadirlos a los {count} establecimientos del proyecto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} facility(ies) will be imported, {review} of them flagged for review: they are marked in the attribute table, and the report is kept in the project (Layer ▸ Attribute table ▸ Import report).</source>
        <translation>
            <numerusform>Se importará {count} establecimiento, {review} de ellos marcados para revisión: se señalan en la tabla de atributos y el informe se guarda en el proyecto (Capa ▸ Tabla de atributos ▸ Informe de importación).</numerusform>
            <numerusform>Se importarán {count} establecimientos, {review} de ellos marcados para revisión: se señalan en la tabla de atributos y el informe se guarda en el proyecto (Capa ▸ Tabla de atributos ▸ Informe de importación).</numerusform>
        </translation>
    </message>
    <message>
        <source>The step before (Alt+B)</source>
        <translation>El paso anterior (Alt+B)</translation>
    </message>
    <message>
        <source>The next step (Alt+N)</source>
        <translation>El paso siguiente (Alt+N)</translation>
    </message>
    <message>
        <source>Go on; this step cannot be undone</source>
        <translation>Continuar; este paso no se puede deshacer</translation>
    </message>
    <message>
        <source>Import the facilities into the project (Alt+I)</source>
        <translation>Importar los establecimientos al proyecto (Alt+I)</translation>
    </message>
    <message>
        <source>Close without importing anything (Esc)</source>
        <translation>Cerrar sin importar nada (Esc)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Import roads</source>
        <extracomment>The layers these dialogs import.</extracomment>
        <translation>Importar vías</translation>
    </message>
    <message>
        <source>Import population</source>
        <translation>Importar población</translation>
    </message>
    <message>
        <source>Import districts</source>
        <translation>Importar distritos</translation>
    </message>
    <message>
        <source>Road networks</source>
        <extracomment>The kinds of file each dialog reads, and the name of its file-dialog filter.</extracomment>
        <translation>Redes viales</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Población</translation>
    </message>
    <message>
        <source>District boundaries</source>
        <translation>Límites de distritos</translation>
    </message>
    <message>
        <source>An OpenStreetMap extract (.osm.pbf from download.geofabrik.de or export.hotosm.org), an osmnx GraphML file, or road lines with a highway column. All travel modes are kept; an OpenStreetMap extract also gives the offline base map (water, parks, built-up land, place names).</source>
        <translation>Un extracto de OpenStreetMap (.osm.pbf de download.geofabrik.de o export.hotosm.org), un archivo GraphML de osmnx o líneas de vías con una columna highway. Se conservan todos los modos de transporte; un extracto de OpenStreetMap también da el mapa base sin conexión (agua, parques, zonas urbanizadas, nombres de lugares).</translation>
    </message>
    <message>
        <source>A population raster (GeoTIFF, people per cell), or a table or point layer with coordinates and a population column.</source>
        <translation>Un ráster de población (GeoTIFF, personas por celda), o una tabla o capa de puntos con coordenadas y una columna de población.</translation>
    </message>
    <message>
        <source>District polygons (GeoJSON, GeoPackage, Shapefile or a zipped Shapefile). The population points are assigned to the new districts.</source>
        <translation>Polígonos de distritos (GeoJSON, GeoPackage, Shapefile o un Shapefile comprimido en zip). Los puntos de población se asignan a los nuevos distritos.</translation>
    </message>
    <message>
        <source>Drawing the layer…</source>
        <translation>Dibujando la capa…</translation>
    </message>
    <message>
        <source>Layer ready</source>
        <translation>Capa lista</translation>
    </message>
    <message>
        <source>Downloading the roads of {place}…</source>
        <translation>Descargando las vías de {place}…</translation>
    </message>
    <message>
        <source>Path of the file</source>
        <translation>Ruta del archivo</translation>
    </message>
    <message>
        <source>The file to read</source>
        <translation>El archivo que se leerá</translation>
    </message>
    <message>
        <source>From a &amp;file</source>
        <translation>Desde un &amp;archivo</translation>
    </message>
    <message>
        <source>&amp;Download by place name (needs internet)</source>
        <translation>&amp;Descargar por nombre de lugar (requiere internet)</translation>
    </message>
    <message>
        <source>Read the roads from a file on this computer</source>
        <translation>Leer las vías de un archivo de este equipo</translation>
    </message>
    <message>
        <source>Download the roads of a place from OpenStreetMap (needs an internet connection)</source>
        <translation>Descargar las vías de un lugar desde OpenStreetMap (requiere conexión a internet)</translation>
    </message>
    <message>
        <source>e.g. Oaxaca de Juárez, Mexico</source>
        <translation>p. ej., Oaxaca de Juárez, México</translation>
    </message>
    <message>
        <source>A place name OpenStreetMap&apos;s Nominatim knows</source>
        <translation>Un nombre de lugar que conozca Nominatim de OpenStreetMap</translation>
    </message>
    <message>
        <source>Keep only people inside the project&apos;s study area</source>
        <translation>Conservar solo a las personas dentro del área de estudio del proyecto</translation>
    </message>
    <message>
        <source>The study area is the districts&apos; union, else the road network&apos;s extent</source>
        <translation>El área de estudio es la unión de los distritos o, si no hay, la extensión de la red vial</translation>
    </message>
    <message>
        <source>From a folder of &amp;WorldPop age/sex rasters</source>
        <translation>Desde una carpeta de rásteres de edad y sexo de &amp;WorldPop</translation>
    </message>
    <message>
        <source>One GeoTIFF per sex and age band, named like ken_f_15_2020.tif; the people by sex and age give the coverage of women, men and each age band</source>
        <translation>Un GeoTIFF por sexo y grupo de edad, con nombres como ken_f_15_2020.tif; las personas por sexo y edad dan la cobertura de mujeres, hombres y cada grupo de edad</translation>
    </message>
    <message>
        <source>Read the layer; it replaces the project&apos;s current one</source>
        <translation>Leer la capa; reemplaza a la actual del proyecto</translation>
    </message>
    <message>
        <source>Stop reading and close without changing the project (Esc)</source>
        <translation>Detener la lectura y cerrar sin cambiar el proyecto (Esc)</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Lugar:</translation>
    </message>
    <message>
        <source>Folder of WorldPop age/sex rasters</source>
        <translation>Carpeta de rásteres de edad y sexo de WorldPop</translation>
    </message>
    <message>
        <source>Choose a place name first.</source>
        <translation>Elija primero un nombre de lugar.</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Elija primero un archivo.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Untick to leave “{label}” off the map</source>
        <translation>Desmarque para quitar «{label}» del mapa</translation>
    </message>
    <message>
        <source>Choose the colour of “{label}”</source>
        <translation>Elegir el color de «{label}»</translation>
    </message>
    <message>
        <source>Colour of {label}</source>
        <translation>Color de {label}</translation>
    </message>
    <message>
        <source>Style of {layer}</source>
        <translation>Estilo de {layer}</translation>
    </message>
    <message>
        <source>Colour every class from this ramp, nearest band darkest</source>
        <translation>Colorear cada clase con esta rampa, la franja más cercana más oscura</translation>
    </message>
    <message>
        <source>Usual style</source>
        <translation>Estilo habitual</translation>
    </message>
    <message>
        <source>Back to the colours and sizes ccgeo draws by default</source>
        <translation>Volver a los colores y tamaños que ccgeo usa por defecto</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Colores</translation>
    </message>
    <message>
        <source>Baseline (existing labs)</source>
        <extracomment>The outputs: an HTML map, a PDF report, data files, a printed report. Where a project keeps the language its map or report was last written in (its metadata). What the map and the report call the analysis of the existing labs.
----------
What the map and the report call the analysis of the existing labs (English: shown through `tr`).</extracomment>
        <translation>Situación actual (laboratorios existentes)</translation>
    </message>
    <message>
        <source>Current what-if edits</source>
        <extracomment>Name of the scenario made of the live what-if edits.</extracomment>
        <translation>Cambios hipotéticos actuales</translation>
    </message>
    <message>
        <source>results.gpkg with one layer each: opens in QGIS</source>
        <extracomment>Each data format&apos;s name and what its files are.</extracomment>
        <translation>results.gpkg con una capa por resultado: se abre en QGIS</translation>
    </message>
    <message>
        <source>one .geojson file per layer: for web maps and scripts</source>
        <translation>un archivo .geojson por capa: para mapas web y scripts</translation>
    </message>
    <message>
        <source>one .parquet file per layer: for Python, R, DuckDB and QGIS 3.34+</source>
        <translation>un archivo .parquet por capa: para Python, R, DuckDB y QGIS 3.34+</translation>
    </message>
    <message>
        <source>one .csv per table, and summary.json: opens in any spreadsheet</source>
        <translation>un .csv por tabla, y summary.json: se abre en cualquier hoja de cálculo</translation>
    </message>
    <message>
        <source>results.xlsx with a sheet per table and a summary sheet</source>
        <translation>results.xlsx con una hoja por tabla y una hoja de resumen</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>US Letter (8.5 × 11 in)</source>
        <translation>Carta EE. UU. (8,5 × 11 pulg.)</translation>
    </message>
    <message>
        <source>The map as on screen</source>
        <extracomment>What the report&apos;s maps show.</extracomment>
        <translation>El mapa como en pantalla</translation>
    </message>
    <message>
        <source>The whole study area</source>
        <translation>Toda el área de estudio</translation>
    </message>
    <message>
        <source>Draw an area on the map…</source>
        <translation>Dibujar un área en el mapa…</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Vertical</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Horizontal</translation>
    </message>
    <message>
        <source>Export interactive map (HTML)</source>
        <translation>Exportar mapa interactivo (HTML)</translation>
    </message>
    <message>
        <source>Export map report (PDF)</source>
        <translation>Exportar informe cartográfico (PDF)</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Exportar datos</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>Imprimir informe</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Vista previa…</translation>
    </message>
    <message>
        <source>One HTML file that opens in any browser, without internet: labs, catchment bands, underserved areas, districts with their coverage, population and roads.</source>
        <translation>Un archivo HTML que se abre en cualquier navegador, sin internet: laboratorios, franjas de captación, zonas desatendidas, distritos con su cobertura, población y vías.</translation>
    </message>
    <message>
        <source>A printable report: cover with the key numbers, the coverage map, coverage by district, underserved areas, methods and data sources.</source>
        <translation>Un informe imprimible: portada con las cifras clave, el mapa de cobertura, la cobertura por distrito, las zonas desatendidas, los métodos y las fuentes de datos.</translation>
    </message>
    <message>
        <source>The analysis as layers and tables other tools open: demand points with their travel times, labs, catchment bands, underserved areas, coverage by district.</source>
        <translation>El análisis como capas y tablas que abren otras herramientas: puntos de demanda con sus tiempos de viaje, laboratorios, franjas de captación, zonas desatendidas, cobertura por distrito.</translation>
    </message>
    <message>
        <source>The pages of the PDF report, shown in a print preview: choose the printer, the pages and the copies there.</source>
        <translation>Las páginas del informe PDF, en una vista previa de impresión: elija allí la impresora, las páginas y las copias.</translation>
    </message>
    <message>
        <source>Writing the interactive map of {analysis}…</source>
        <extracomment>The status line while an output is made, by kind (``{analysis}``: the analysis shown).</extracomment>
        <translation>Escribiendo el mapa interactivo de {analysis}…</translation>
    </message>
    <message>
        <source>Writing the report of {analysis}…</source>
        <translation>Escribiendo el informe de {analysis}…</translation>
    </message>
    <message>
        <source>Writing the data of {analysis}…</source>
        <translation>Escribiendo los datos de {analysis}…</translation>
    </message>
    <message>
        <source>Preparing the report of {analysis}…</source>
        <translation>Preparando el informe de {analysis}…</translation>
    </message>
    <message>
        <source>scenario</source>
        <translation>escenario</translation>
    </message>
    <message>
        <source>there is no analysis to export yet; run it first (Analysis ▸ Run, F5)</source>
        <translation>todavía no hay ningún análisis que exportar; ejecútelo primero (Análisis ▸ Ejecutar análisis, F5)</translation>
    </message>
    <message>
        <source>Analysing the scenario “{name}”…</source>
        <translation>Analizando el escenario «{name}»…</translation>
    </message>
    <message>
        <source>no output path was chosen</source>
        <translation>no se eligió ninguna ruta de salida</translation>
    </message>
    <message>
        <source>Writing the data files…</source>
        <translation>Escribiendo los archivos de datos…</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written</source>
        <translation>
            <numerusform>%n archivo escrito</numerusform>
            <numerusform>%n archivos escritos</numerusform>
        </translation>
    </message>
    <message>
        <source>{place}: access to {test} testing</source>
        <translation>{place}: acceso a pruebas de {test}</translation>
    </message>
    <message>
        <source>Access to {test} testing</source>
        <translation>Acceso a pruebas de {test}</translation>
    </message>
    <message>
        <source>{place}: access to labs</source>
        <translation>{place}: acceso a los laboratorios</translation>
    </message>
    <message>
        <source>Access to labs</source>
        <translation>Acceso a los laboratorios</translation>
    </message>
    <message>
        <source>{title} · {analysis}</source>
        <translation>{title} · {analysis}</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate hub(s)</source>
        <translation>
            <numerusform>%n laboratorio de referencia candidato</numerusform>
            <numerusform>%n laboratorios de referencia candidatos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n upgrade(s) to {test}</source>
        <translation>
            <numerusform>%n mejora a {test}</numerusform>
            <numerusform>%n mejoras a {test}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lab(s) closed</source>
        <translation>
            <numerusform>%n laboratorio cerrado</numerusform>
            <numerusform>%n laboratorios cerrados</numerusform>
        </translation>
    </message>
    <message>
        <source>no change</source>
        <translation>sin cambios</translation>
    </message>
    <message>
        <source>Scenario: {name}</source>
        <translation>Escenario: {name}</translation>
    </message>
    <message>
        <source>{format}: {description}</source>
        <translation>{format}: {description}</translation>
    </message>
    <message>
        <source>Which labs the output shows: the existing ones, the what-if on the map now, or a saved scenario (analysed in full with its own settings)</source>
        <translation>Qué laboratorios muestra la salida: los existentes, la simulación que está ahora en el mapa o un escenario guardado (analizado por completo con su propia configuración)</translation>
    </message>
    <message>
        <source>The heading of the map or the report&apos;s cover</source>
        <translation>El título del mapa o de la portada del informe</translation>
    </message>
    <message>
        <source>Paper size of the report</source>
        <translation>Tamaño del papel del informe</translation>
    </message>
    <message>
        <source>Portrait suits A4/Letter reading; landscape gives the maps more width</source>
        <translation>Vertical conviene para leer en A4/Carta; horizontal da más ancho a los mapas</translation>
    </message>
    <message>
        <source>Include OpenStreetMap tiles layer (online only)</source>
        <translation>Incluir capa de teselas de OpenStreetMap (solo en línea)</translation>
    </message>
    <message>
        <source>Adds a street map layer, off until ticked in the map; it loads from the internet and stays blank offline. Everything else works without internet.</source>
        <translation>Añade una capa de mapa de calles, apagada hasta que se marque en el mapa; se carga desde internet y queda en blanco sin conexión. Todo lo demás funciona sin internet.</translation>
    </message>
    <message>
        <source>The language the output is written in; the project remembers it for next time</source>
        <translation>El idioma en que se escribe la salida; el proyecto lo recuerda para la próxima vez</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Formatos</translation>
    </message>
    <message>
        <source>The area the report&apos;s maps show; it fills the map frame of the page</source>
        <translation>El área que muestran los mapas del informe; llena el marco del mapa en la página</translation>
    </message>
    <message>
        <source>Choose where to write it, then write it in the background</source>
        <translation>Elegir dónde escribirlo y luego escribirlo en segundo plano</translation>
    </message>
    <message>
        <source>Prepare the pages and show them in a print preview</source>
        <translation>Preparar las páginas y mostrarlas en una vista previa de impresión</translation>
    </message>
    <message>
        <source>Close without writing anything</source>
        <translation>Cerrar sin escribir nada</translation>
    </message>
    <message>
        <source>&amp;Analysis:</source>
        <translation>&amp;Análisis:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Papel:</translation>
    </message>
    <message>
        <source>&amp;Orientation:</source>
        <translation>&amp;Orientación:</translation>
    </message>
    <message>
        <source>&amp;Map area:</source>
        <translation>Área del &amp;mapa:</translation>
    </message>
    <message>
        <source>Every layer of the project, with a margin</source>
        <translation>Todas las capas del proyecto, con un margen</translation>
    </message>
    <message>
        <source>Drag a rectangle on the map; Esc cancels</source>
        <translation>Arrastre un rectángulo en el mapa; Esc cancela</translation>
    </message>
    <message>
        <source>{area} (widened to the page&apos;s map frame)</source>
        <translation>{area} (ampliada al marco del mapa de la página)</translation>
    </message>
    <message>
        <source>Tick at least one format</source>
        <translation>Marque al menos un formato</translation>
    </message>
    <message>
        <source>Interactive &amp;map (HTML)…</source>
        <extracomment>The options dialog shown last (tests fill it in). The &quot;written to …&quot; box shown last. The print preview shown last, and its printer. Draws the report&apos;s map area on the canvas (&quot;Draw an area on the map…&quot;).</extracomment>
        <translation>&amp;Mapa interactivo (HTML)…</translation>
    </message>
    <message>
        <source>Export the map with its catchment bands, underserved areas and labs as one HTML file that opens in any browser, offline (Ctrl+E)</source>
        <translation>Exportar el mapa con sus franjas de captación, zonas desatendidas y laboratorios como un archivo HTML que se abre en cualquier navegador, sin conexión (Ctrl+E)</translation>
    </message>
    <message>
        <source>Map &amp;report (PDF)…</source>
        <translation>&amp;Informe cartográfico (PDF)…</translation>
    </message>
    <message>
        <source>Export a printable PDF report: key numbers, coverage map, coverage by district, underserved areas, methods and sources (Ctrl+Shift+P)</source>
        <translation>Exportar un informe PDF imprimible: cifras clave, mapa de cobertura, cobertura por distrito, zonas desatendidas, métodos y fuentes (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>&amp;Data (GeoPackage, GeoJSON, CSV, XLSX)…</source>
        <translation>&amp;Datos (GeoPackage, GeoJSON, CSV, XLSX)…</translation>
    </message>
    <message>
        <source>Export the analysis as layers and tables for QGIS or a spreadsheet (Ctrl+Shift+E)</source>
        <translation>Exportar el análisis como capas y tablas para QGIS o una hoja de cálculo (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>&amp;Print report…</source>
        <translation>Im&amp;primir informe…</translation>
    </message>
    <message>
        <source>Print the map report, with a print preview of its pages (Ctrl+P)</source>
        <translation>Imprimir el informe cartográfico, con una vista previa de sus páginas (Ctrl+P)</translation>
    </message>
    <message>
        <source>No what-if edits on the map: place a hub or upgrade a facility first</source>
        <translation>No hay cambios hipotéticos en el mapa: primero ubique un laboratorio de referencia o mejore un establecimiento</translation>
    </message>
    <message>
        <source>No analysis was run yet: the default one ({settings}) runs first for the baseline and the what-if edits. A saved scenario runs with its own settings.</source>
        <translation>Todavía no se ejecutó ningún análisis: el análisis por defecto ({settings}) se ejecuta primero para la situación actual y los cambios hipotéticos. Un escenario guardado se ejecuta con su propia configuración.</translation>
    </message>
    <message>
        <source>The results are out of date ({reason}): the analysis ({settings}) runs again first. A saved scenario runs with its own settings.</source>
        <translation>Los resultados están desactualizados ({reason}): el análisis ({settings}) se vuelve a ejecutar primero. Un escenario guardado se ejecuta con su propia configuración.</translation>
    </message>
    <message>
        <source>Analysis: {settings}. A saved scenario runs with its own settings.</source>
        <translation>Análisis: {settings}. Un escenario guardado se ejecuta con su propia configuración.</translation>
    </message>
    <message>
        <source>Map area of the report drawn</source>
        <translation>Área del mapa del informe dibujada</translation>
    </message>
    <message>
        <source>No area drawn</source>
        <translation>No se dibujó ningún área</translation>
    </message>
    <message>
        <source>Drag a rectangle over the area the report&apos;s maps should show (Esc cancels)</source>
        <translation>Arrastre un rectángulo sobre el área que deben mostrar los mapas del informe (Esc cancela)</translation>
    </message>
    <message>
        <source>Export data to the folder</source>
        <translation>Exportar los datos a la carpeta</translation>
    </message>
    <message>
        <source>No analysis yet: running the analysis ({settings}) first, then the output…</source>
        <translation>Todavía no hay análisis: primero se ejecuta el análisis ({settings}) y luego la salida…</translation>
    </message>
    <message>
        <source>The results are out of date: running the analysis ({settings}) first, then the output…</source>
        <translation>Los resultados están desactualizados: primero se ejecuta el análisis ({settings}) y luego la salida…</translation>
    </message>
    <message>
        <source>Nothing was written: the analysis did not finish</source>
        <translation>No se escribió nada: el análisis no terminó</translation>
    </message>
    <message>
        <source>there are no what-if edits to export any more (they were undone)</source>
        <translation>ya no hay cambios hipotéticos que exportar (se deshicieron)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to {folder}</source>
        <translation>
            <numerusform>Se escribió %n archivo en {folder}</numerusform>
            <numerusform>Se escribieron %n archivos en {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>Se escribió {path}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Show {folder} in the file manager</source>
        <translation>Mostrar {folder} en el gestor de archivos</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Cerrar este mensaje</translation>
    </message>
    <message>
        <source>Could not open {folder}; open it by hand</source>
        <translation>No se pudo abrir {folder}; ábrala a mano</translation>
    </message>
    <message>
        <source>Print preview: {title}</source>
        <translation>Vista previa de impresión: {title}</translation>
    </message>
    <message>
        <source>Print preview: choose the printer there</source>
        <translation>Vista previa de impresión: elija allí la impresora</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>Wrote {path} ({size}).
It opens in any web browser, also without internet.</source>
        <translation>Se escribió {path} ({size}).
Se abre en cualquier navegador web, también sin internet.</translation>
    </message>
    <message>
        <source>Wrote {path} ({size}).</source>
        <translation>Se escribió {path} ({size}).</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… y %n más</numerusform>
            <numerusform>… y %n más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to {folder}:
{names}</source>
        <translation>
            <numerusform>Se escribió %n archivo en {folder}:
{names}</numerusform>
            <numerusform>Se escribieron %n archivos en {folder}:
{names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Preferences</source>
        <extracomment>The combo box&apos;s item for &quot;no choice: follow the system&apos;s language&quot;.</extracomment>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>Idioma del sistema ({language})</translation>
    </message>
    <message>
        <source>Menus, panels, messages, numbers and dates change at once. Reports and maps you export are written in the language chosen when you export them.</source>
        <translation>Los menús, paneles, mensajes, números y fechas cambian de inmediato. Los informes y mapas que exporte se escriben en el idioma que elija al exportarlos.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>Choose the language of ccgeo</source>
        <translation>Elegir el idioma de ccgeo</translation>
    </message>
    <message>
        <source>Layer</source>
        <extracomment>The columns of the data sources table (English; `tr` where shown).</extracomment>
        <translation>Capa</translation>
    </message>
    <message>
        <source>File</source>
        <extracomment>Columns of the table, by note attribute, with their headers (English; shown through `tr`).</extracomment>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Facilities</source>
        <extracomment>The name of each layer a source was imported into (English; `tr` where shown).</extracomment>
        <translation>Establecimientos</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>Vías</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>Distritos</translation>
    </message>
    <message>
        <source>Project properties</source>
        <translation>Propiedades del proyecto</translation>
    </message>
    <message>
        <source>e.g. PCR access, Northern Province 2025</source>
        <translation>p. ej. Acceso a PCR, Provincia del Norte 2025</translation>
    </message>
    <message>
        <source>Shown in the title bar, on the HTML map and on the report</source>
        <translation>Se muestra en la barra de título, en el mapa HTML y en el informe</translation>
    </message>
    <message>
        <source>What this project is for, whose data it holds, what was decided…</source>
        <translation>Para qué es este proyecto, de quién son sus datos, qué se decidió…</translation>
    </message>
    <message>
        <source>Printed under the title of the HTML map and the report</source>
        <translation>Se imprime bajo el título del mapa HTML y del informe</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Aún no guardado</translation>
    </message>
    <message>
        <source>The project file (File ▸ Save As to save it elsewhere)</source>
        <translation>El archivo del proyecto (Archivo ▸ Guardar como para guardarlo en otro lugar)</translation>
    </message>
    <message>
        <source>The files the project&apos;s layers were imported from, and when</source>
        <translation>Los archivos de los que se importaron las capas del proyecto, y cuándo</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Fuentes de datos</translation>
    </message>
    <message>
        <source>Data: none yet: import data with File ▸ Import</source>
        <translation>Datos: ninguno aún; importe datos con Archivo ▸ Importar</translation>
    </message>
    <message>
        <source>A project needs a name; type one, or keep “{untitled}” until you choose one.</source>
        <translation>Un proyecto necesita un nombre; escriba uno o deje «{untitled}» hasta que elija uno.</translation>
    </message>
    <message>
        <source>Pro&amp;ject properties…</source>
        <translation>&amp;Propiedades del proyecto…</translation>
    </message>
    <message>
        <source>Name and describe the project; see the files its data came from</source>
        <translation>Nombrar y describir el proyecto; ver los archivos de los que vienen sus datos</translation>
    </message>
    <message>
        <source>The project is now called “{name}”: save it to keep it (Ctrl+S)</source>
        <translation>El proyecto ahora se llama «{name}»: guárdelo para conservarlo (Ctrl+S)</translation>
    </message>
    <message>
        <source>Description changed: save it to keep it (Ctrl+S)</source>
        <translation>Descripción cambiada: guarde el proyecto para conservarla (Ctrl+S)</translation>
    </message>
    <message>
        <source>The settings of the last run of the access analysis.</source>
        <extracomment>The guide&apos;s contents page. The guide page of each dock (`MainWindow.docks` key): F1 in the dock opens it. How the pages look in the help window (Qt&apos;s rich text reads this subset of CSS).</extracomment>
        <translation>La configuración de la última ejecución del análisis de acceso.</translation>
    </message>
    <message>
        <source>No analysis has run yet: these are the settings the next run will use.</source>
        <translation>Aún no se ha ejecutado ningún análisis: esta es la configuración que usará la próxima ejecución.</translation>
    </message>
    <message>
        <source>Methods and assumptions</source>
        <translation>Métodos y supuestos</translation>
    </message>
    <message>
        <source>The printed report carries the same page.</source>
        <translation>El informe impreso incluye esta misma página.</translation>
    </message>
    <message>
        <source>ccgeo help</source>
        <translation>Ayuda de ccgeo</translation>
    </message>
    <message>
        <source>The page; links open other pages of the guide</source>
        <translation>La página; los enlaces abren otras páginas de la guía</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>The page shown before (Alt+Left)</source>
        <translation>La página mostrada antes (Alt+Izquierda)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>A&amp;delante</translation>
    </message>
    <message>
        <source>The page shown after (Alt+Right)</source>
        <translation>La página mostrada después (Alt+Derecha)</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Contenido</translation>
    </message>
    <message>
        <source>The guide&apos;s contents: one page per task</source>
        <translation>El contenido de la guía: una página por tarea</translation>
    </message>
    <message>
        <source>&amp;Methods and assumptions</source>
        <translation>&amp;Métodos y supuestos</translation>
    </message>
    <message>
        <source>How the numbers are computed, with the settings in use</source>
        <translation>Cómo se calculan las cifras, con la configuración en uso</translation>
    </message>
    <message>
        <source>Close the help (Esc)</source>
        <translation>Cerrar la ayuda (Esc)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>How to do each task, offline; in a panel, F1 opens the page of that panel (F1)</source>
        <translation>Cómo hacer cada tarea, sin conexión; en un panel, F1 abre la página de ese panel (F1)</translation>
    </message>
    <message>
        <source>How the numbers are computed and what they assume, for the settings in use</source>
        <translation>Cómo se calculan las cifras y qué suponen, para la configuración en uso</translation>
    </message>
    <message>
        <source>Roads © OpenStreetMap contributors</source>
        <extracomment>The credit of OpenStreetMap roads (English; `tr` where shown).</extracomment>
        <translation>Vías © colaboradores de OpenStreetMap</translation>
    </message>
    <message>
        <source>the project file is a folder, not a project file; check the path</source>
        <translation>el archivo de proyecto es una carpeta, no un archivo de proyecto; revise la ruta</translation>
    </message>
    <message>
        <source>the project file does not exist; check the path</source>
        <translation>el archivo de proyecto no existe; revise la ruta</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Abriendo {name}…</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>Guardando {name}…</translation>
    </message>
    <message>
        <source>Saving a copy as {name}…</source>
        <translation>Guardando una copia como {name}…</translation>
    </message>
    <message>
        <source>SYNTHETIC demo data: not a real city</source>
        <translation>Datos de demostración SINTÉTICOS: no es una ciudad real</translation>
    </message>
    <message>
        <source>Roads and base map © OpenStreetMap contributors</source>
        <translation>Vías y mapa base © colaboradores de OpenStreetMap</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Cada %n minuto</numerusform>
            <numerusform>Cada %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Layers</source>
        <extracomment>The size of a new main window, pixels, before it fits the screen. The project&apos;s data changed (an edit, an import, a what-if); the flag says unsaved or not. Facilities were edited (changed ids; empty when the whole layer was replaced). The capacity of facilities was edited (their ids): only the lab capacity depends on it. When True, errors go to the log and `taskFailed` only (no modal box): screenshot runs. The project is open in another window (`ccgeo.gui.project_lock`): Save saves a copy. When False, opened and saved projects are not added to the recent files. A note for the status bar once the first project is shown (it makes the text). What made the status bar&apos;s text (`say`) and the text it made, to write it again. The one history of the user&apos;s edits (what-if, layers, attributes): Edit ▸ Undo.</extracomment>
        <translation>Capas</translation>
    </message>
    <message>
        <source>&amp;Layers panel</source>
        <extracomment>The base map chosen in View ▸ Base map and its layers. Menus by key (&quot;file&quot;, &quot;edit&quot;, &quot;view&quot;, &quot;layer&quot;, &quot;analysis&quot;, &quot;help&quot;), for extensions. Dock widgets by key, for extensions and tests.</extracomment>
        <translation>Panel de &amp;capas</translation>
    </message>
    <message>
        <source>Show or hide the layer panel</source>
        <translation>Mostrar u ocultar el panel de capas</translation>
    </message>
    <message>
        <source>Show or hide the {panel} panel</source>
        <translation>Mostrar u ocultar el panel «{panel}»</translation>
    </message>
    <message>
        <source>&amp;About ccgeo</source>
        <translation>&amp;Acerca de ccgeo</translation>
    </message>
    <message>
        <source>Version, data sources and credits</source>
        <translation>Versión, fuentes de datos y créditos</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Nuevo proyecto</translation>
    </message>
    <message>
        <source>Start an empty project (asks to save the changes to this one first)</source>
        <translation>Empezar un proyecto vacío (antes pregunta si guardar los cambios de este)</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>&amp;Cerrar proyecto</translation>
    </message>
    <message>
        <source>Close this project (asks to save its changes first)</source>
        <translation>Cerrar este proyecto (antes pregunta si guardar sus cambios)</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>&amp;Vaciar la lista</translation>
    </message>
    <message>
        <source>Forget the recently opened projects (the files are not touched)</source>
        <translation>Olvidar los proyectos abiertos recientemente (los archivos no se tocan)</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Abrir proyecto…</translation>
    </message>
    <message>
        <source>Open a .ccgeo project file (asks to save the changes to this one first)</source>
        <translation>Abrir un archivo de proyecto .ccgeo (antes pregunta si guardar los cambios de este)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the project to its file</source>
        <translation>Guardar el proyecto en su archivo</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Guardar co&amp;mo…</translation>
    </message>
    <message>
        <source>Save the project to a new .ccgeo file</source>
        <translation>Guardar el proyecto en un nuevo archivo .ccgeo</translation>
    </message>
    <message>
        <source>Save a Copy as &amp;GeoPackage…</source>
        <translation>Guardar una copia como &amp;GeoPackage…</translation>
    </message>
    <message>
        <source>Save a copy of the project as a .gpkg file that QGIS opens with ccgeo&apos;s styles; the project keeps its own file</source>
        <translation>Guardar una copia del proyecto como archivo .gpkg, que QGIS abre con los estilos de ccgeo; el proyecto conserva su propio archivo</translation>
    </message>
    <message>
        <source>&amp;Export view as PNG…</source>
        <translation>&amp;Exportar vista como PNG…</translation>
    </message>
    <message>
        <source>Save the map as shown, with scale bar and north arrow, as a PNG image</source>
        <translation>Guardar el mapa tal como se ve, con barra de escala y flecha del norte, como imagen PNG</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Close ccgeo</source>
        <translation>Cerrar ccgeo</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom in on the centre of the map (+, or the mouse wheel)</source>
        <translation>Acercar al centro del mapa (+, o la rueda del ratón)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>Zoom out from the centre of the map (−, or the mouse wheel)</source>
        <translation>Alejar desde el centro del mapa (−, o la rueda del ratón)</translation>
    </message>
    <message>
        <source>Zoom to &amp;full extent</source>
        <translation>&amp;Extensión completa</translation>
    </message>
    <message>
        <source>Show every layer (Ctrl+0 or Home)</source>
        <translation>Mostrar todas las capas (Ctrl+0 o Inicio)</translation>
    </message>
    <message>
        <source>&amp;Pan mode</source>
        <translation>Modo &amp;desplazar</translation>
    </message>
    <message>
        <source>Drag the map to move it</source>
        <translation>Arrastrar el mapa para moverlo</translation>
    </message>
    <message>
        <source>Zoom &amp;box mode</source>
        <translation>Modo zoom por &amp;recuadro</translation>
    </message>
    <message>
        <source>Drag a rectangle to zoom to it; click to zoom in</source>
        <translation>Trazar un recuadro para acercarse a él; hacer clic para acercar</translation>
    </message>
    <message>
        <source>From the project&apos;s &amp;OSM data</source>
        <translation>Desde los datos &amp;OSM del proyecto</translation>
    </message>
    <message>
        <source>Draw water, parks, built-up land and place names from the roads&apos; OpenStreetMap file under the layers; works offline</source>
        <translation>Dibujar bajo las capas el agua, los parques, las zonas urbanizadas y los nombres de lugares del archivo OpenStreetMap de las vías; funciona sin conexión</translation>
    </message>
    <message>
        <source>From a &amp;tiles file…</source>
        <translation>Desde un archivo de &amp;teselas…</translation>
    </message>
    <message>
        <source>Draw the raster tiles of an MBTiles or PMTiles file you have under the layers; works offline</source>
        <translation>Dibujar bajo las capas las teselas ráster de un archivo MBTiles o PMTiles que tenga; funciona sin conexión</translation>
    </message>
    <message>
        <source>OpenStreetMap &amp;web tiles (online)</source>
        <translation>Teselas &amp;web de OpenStreetMap (en línea)</translation>
    </message>
    <message>
        <source>Draw OpenStreetMap tiles under the layers; tiles are kept on disk and reused offline</source>
        <translation>Dibujar teselas de OpenStreetMap bajo las capas; se guardan en el disco y se reutilizan sin conexión</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <comment>base map</comment>
        <translation>&amp;Ninguno</translation>
    </message>
    <message>
        <source>No base map: the roads and districts are the base map</source>
        <translation>Sin mapa base: las vías y los distritos hacen de mapa base</translation>
    </message>
    <message numerus="yes">
        <source>Keep a recovery copy of unsaved changes at least every %n minute(s)</source>
        <translation>
            <numerusform>Guardar una copia de recuperación de los cambios sin guardar al menos cada %n minuto</numerusform>
            <numerusform>Guardar una copia de recuperación de los cambios sin guardar al menos cada %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>A&amp;utosave</source>
        <translation>Guardado a&amp;utomático</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>B&amp;ase map</source>
        <translation>Mapa &amp;base</translation>
    </message>
    <message>
        <source>Pa&amp;nels</source>
        <translation>Pa&amp;neles</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>&amp;Capa</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nálisis</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Main</source>
        <comment>toolbar</comment>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Cancel what is running</source>
        <translation>Cancelar lo que está en curso</translation>
    </message>
    <message>
        <source>Longitude, latitude under the cursor (WGS 84, degrees)</source>
        <translation>Longitud, latitud bajo el cursor (WGS 84, grados)</translation>
    </message>
    <message>
        <source>Map scale on this screen</source>
        <translation>Escala del mapa en esta pantalla</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n layer(s)</source>
        <translation>
            <numerusform>{name}: %n capa</numerusform>
            <numerusform>{name}: %n capas</numerusform>
        </translation>
    </message>
    <message>
        <source>The base map&apos;s tiles file {path} no longer exists; drawing the base map from the project&apos;s OpenStreetMap data instead</source>
        <translation>El archivo de teselas del mapa base {path} ya no existe; el mapa base se dibuja con los datos OpenStreetMap del proyecto</translation>
    </message>
    <message>
        <source>Cannot use this tiles file as base map</source>
        <translation>No se puede usar este archivo de teselas como mapa base</translation>
    </message>
    <message>
        <source>Base map from a tiles file</source>
        <translation>Mapa base desde un archivo de teselas</translation>
    </message>
    <message>
        <source>Raster tiles (MBTiles, PMTiles)</source>
        <translation>Teselas ráster (MBTiles, PMTiles)</translation>
    </message>
    <message>
        <source>{name} (read-only)</source>
        <translation>{name} (solo lectura)</translation>
    </message>
    <message>
        <source>The last project {path} no longer exists; showing the demo city instead</source>
        <translation>El último proyecto {path} ya no existe; se muestra la ciudad de demostración</translation>
    </message>
    <message>
        <source>Restore unsaved changes?</source>
        <translation>¿Restaurar los cambios sin guardar?</translation>
    </message>
    <message>
        <source>Restored the unsaved changes from {when}; save to keep them</source>
        <translation>Se restauraron los cambios sin guardar de {when}; guarde para conservarlos</translation>
    </message>
    <message>
        <source>the project</source>
        <translation>el proyecto</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>“{name}” has changes that are not saved.

Save them before closing it?</source>
        <translation>«{name}» tiene cambios que no se han guardado.

¿Guardarlos antes de cerrarlo?</translation>
    </message>
    <message>
        <source>No project: open one, start a new one, or import data</source>
        <translation>Ningún proyecto: abra uno, empiece uno nuevo o importe datos</translation>
    </message>
    <message>
        <source>{name} (missing)</source>
        <translation>{name} (no encontrado)</translation>
    </message>
    <message>
        <source>Open {path}</source>
        <translation>Abrir {path}</translation>
    </message>
    <message>
        <source>{path} no longer exists (moved, renamed or deleted)</source>
        <translation>{path} ya no existe (movido, renombrado o eliminado)</translation>
    </message>
    <message>
        <source>Loading the demo city…</source>
        <translation>Cargando la ciudad de demostración…</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Abrir proyecto</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Guardar proyecto como</translation>
    </message>
    <message>
        <source>Project open in another window</source>
        <translation>Proyecto abierto en otra ventana</translation>
    </message>
    <message>
        <source>{name} is open in another ccgeo window, which saves it: save this one under another name (File ▸ Save As), or close the other window and open it again.</source>
        <translation>{name} está abierto en otra ventana de ccgeo, que es la que lo guarda: guarde este con otro nombre (Archivo ▸ Guardar como) o cierre la otra ventana y vuelva a abrirlo.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
    <message>
        <source>Save a copy as GeoPackage</source>
        <translation>Guardar una copia como GeoPackage</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Saved a copy as {path}; QGIS opens it with ccgeo&apos;s styles</source>
        <translation>Copia guardada como {path}; QGIS la abre con los estilos de ccgeo</translation>
    </message>
    <message>
        <source>Export view as PNG</source>
        <translation>Exportar vista como PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not export the view</source>
        <translation>No se pudo exportar la vista</translation>
    </message>
    <message>
        <source>{path}: the image could not be written; check that the folder exists and that you may write to it, and that the disk is not full.</source>
        <translation>{path}: no se pudo escribir la imagen; compruebe que la carpeta existe, que puede escribir en ella y que el disco no está lleno.</translation>
    </message>
    <message>
        <source>Exported the view to {path}</source>
        <translation>Vista exportada a {path}</translation>
    </message>
    <message>
        <source>map</source>
        <comment>file name</comment>
        <translation>mapa</translation>
    </message>
    <message>
        <source>About ccgeo</source>
        <translation>Acerca de ccgeo</translation>
    </message>
    <message>
        <source>&lt;p&gt;Who can reach a laboratory able to do a cancer diagnostic test (IHC, PCR, NGS), and who cannot.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Quién puede llegar a un laboratorio capaz de hacer una prueba de diagnóstico del cáncer (inmunohistoquímica, PCR, NGS) y quién no.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Road and map data © OpenStreetMap contributors, available under the Open Database Licence (ODbL).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Datos de vías y del mapa © colaboradores de OpenStreetMap, disponibles bajo la Open Database Licence (ODbL).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This project holds SYNTHETIC demo data: the city, its people and its facilities are not real.</source>
        <translation>Este proyecto contiene datos de demostración SINTÉTICOS: la ciudad, su población y sus establecimientos no son reales.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Synthetic data.&lt;/b&gt; {note}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Datos sintéticos.&lt;/b&gt; {note}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{task}: done</source>
        <translation>{task}: listo</translation>
    </message>
    <message>
        <source>{task}: failed</source>
        <translation>{task}: falló</translation>
    </message>
    <message>
        <source>{task}: cancelled</source>
        <translation>{task}: cancelado</translation>
    </message>
    <message>
        <source>Lon {lon}°  Lat {lat}°</source>
        <translation>Lon {lon}°  Lat {lat}°</translation>
    </message>
    <message>
        <source>Any lab</source>
        <extracomment>The quality filters as a choice (English; shown through `tr`: `quality_label`).</extracomment>
        <translation>Cualquier laboratorio</translation>
    </message>
    <message>
        <source>In external quality assessment</source>
        <translation>Con control de calidad externo (EQA)</translation>
    </message>
    <message>
        <source>In international EQA</source>
        <translation>Con EQA internacional</translation>
    </message>
    <message>
        <source>Accredited (ISO 15189, CAP, …)</source>
        <translation>Acreditado (ISO 15189, CAP, …)</translation>
    </message>
    <message>
        <source>In EQA or accredited</source>
        <translation>Con EQA o acreditado</translation>
    </message>
    <message>
        <source>any lab</source>
        <extracomment>The quality filters inside a sentence (`analysis_line`).</extracomment>
        <translation>cualquier laboratorio</translation>
    </message>
    <message>
        <source>in external quality assessment</source>
        <translation>con control de calidad externo (EQA)</translation>
    </message>
    <message>
        <source>in international EQA</source>
        <translation>con EQA internacional</translation>
    </message>
    <message>
        <source>accredited (ISO 15189, CAP, …)</source>
        <translation>acreditados (ISO 15189, CAP, …)</translation>
    </message>
    <message>
        <source>in EQA or accredited</source>
        <translation>con EQA o acreditados</translation>
    </message>
    <message>
        <source>Car</source>
        <extracomment>The bundled travel modes as a choice (English; shown through `tr`: `mode_label`).</extracomment>
        <translation>Automóvil</translation>
    </message>
    <message>
        <source>Motorbike</source>
        <translation>Moto</translation>
    </message>
    <message>
        <source>Walking</source>
        <translation>A pie</translation>
    </message>
    <message>
        <source>by car</source>
        <extracomment>The bundled travel modes inside a sentence (`mode_phrase`).</extracomment>
        <translation>en automóvil</translation>
    </message>
    <message>
        <source>by motorbike</source>
        <translation>en moto</translation>
    </message>
    <message>
        <source>by walking</source>
        <translation>a pie</translation>
    </message>
    <message>
        <source>by {mode}</source>
        <translation>en {mode}</translation>
    </message>
    <message>
        <source>, traffic ×{factor}</source>
        <translation>, tráfico ×{factor}</translation>
    </message>
    <message>
        <source>{test} labs ({quality}), {mode}{traffic}{edits}</source>
        <translation>Laboratorios de {test} ({quality}), {mode}{traffic}{edits}</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Listo.</translation>
    </message>
    <message>
        <source>Done: {settings}.</source>
        <translation>Listo: {settings}.</translation>
    </message>
    <message>
        <source>Access analysis: {settings}…</source>
        <extracomment>Name of the live what-if when a panel analyses it as a scenario. Wait this long after a facility edit before rerunning, so a burst of edits runs once, ms. The window&apos;s one history: what-if edits share it with layer and attribute edits, so that Ctrl+Z undoes the user&apos;s last edit, whichever panel it was made in. The last context menu shown on the map (kept alive; tests read it).</extracomment>
        <translation>Análisis de acceso: {settings}…</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>Simulación</translation>
    </message>
    <message>
        <source>Some edits were skipped</source>
        <translation>Algunos cambios no se aplicaron</translation>
    </message>
    <message>
        <source>Could not redraw the catchments: {message}</source>
        <translation>No se pudieron volver a dibujar las áreas de influencia: {message}</translation>
    </message>
    <message>
        <source>Open a project to analyse it.</source>
        <extracomment>Underserved areas of the current what-if (EPSG:4326), as drawn. Writes the state line (again when the language changes).</extracomment>
        <translation>Abra un proyecto para analizarlo.</translation>
    </message>
    <message>
        <source>The test a lab must be able to do to count</source>
        <translation>La prueba que un laboratorio debe poder hacer para contar</translation>
    </message>
    <message>
        <source>Only labs meeting this quality standard count</source>
        <translation>Solo cuentan los laboratorios que cumplen este nivel de calidad</translation>
    </message>
    <message>
        <source>How people travel to the lab (the modes of the speed file)</source>
        <translation>Cómo viajan las personas al laboratorio (los modos del archivo de velocidades)</translation>
    </message>
    <message>
        <source>Travel-time thresholds in minutes, inclusive, e.g. 30, 60, 120</source>
        <translation>Umbrales de tiempo de viaje en minutos, inclusive, p. ej. 30, 60, 120</translation>
    </message>
    <message>
        <source>Peak-hour traffic: travel times multiplied by this (1 = free flow; an assumption)</source>
        <translation>Tráfico en hora pico: los tiempos de viaje se multiplican por este valor (1 = flujo libre; un supuesto)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Use your own speed file (TOML, the format of resources/speeds.toml): its speeds per road class and its modes are merged over the bundled ones</source>
        <translation>Use su propio archivo de velocidades (TOML, el formato de resources/speeds.toml): sus velocidades por tipo de vía y sus modos se combinan sobre los incluidos</translation>
    </message>
    <message>
        <source>Bundled</source>
        <translation>Incluidas</translation>
    </message>
    <message>
        <source>Go back to the bundled speeds (OSRM car profile, 5 km/h walk)</source>
        <translation>Volver a las velocidades incluidas (perfil de automóvil de OSRM, 5 km/h a pie)</translation>
    </message>
    <message>
        <source>Farthest a person or a lab may be from a road; people farther count as off the network and labs farther are left out (and listed)</source>
        <translation>Distancia máxima entre una persona o un laboratorio y una vía; las personas más alejadas cuentan como fuera de la red y los laboratorios más alejados se excluyen (y se enumeran)</translation>
    </message>
    <message>
        <source>Walking speed between a home (or a lab) and the road</source>
        <translation>Velocidad a pie entre una vivienda (o un laboratorio) y la vía</translation>
    </message>
    <message>
        <source>Run analysis</source>
        <translation>Ejecutar análisis</translation>
    </message>
    <message>
        <source>Run the access analysis with these settings (F5)</source>
        <translation>Ejecutar el análisis de acceso con esta configuración (F5)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop the analysis under way</source>
        <translation>Detener el análisis en curso</translation>
    </message>
    <message>
        <source>No facility of the project, with the what-if edits, counts as a lab for this test and quality: everyone would be unreachable</source>
        <translation>Ningún establecimiento del proyecto, con los cambios de la simulación, cuenta como laboratorio para esta prueba y esta calidad: nadie tendría acceso</translation>
    </message>
    <message>
        <source>Test</source>
        <extracomment>The label (or plain words) of every setting, argument and column a message may name, by name (English; translated where a message is worded: `label_of`).</extracomment>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Lab quality</source>
        <translation>Calidad del laboratorio</translation>
    </message>
    <message>
        <source>Travel mode</source>
        <translation>Modo de transporte</translation>
    </message>
    <message>
        <source>Speeds</source>
        <translation>Velocidades</translation>
    </message>
    <message>
        <source>Thresholds (min)</source>
        <translation>Umbrales (min)</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Tráfico</translation>
    </message>
    <message>
        <source>Off-road up to</source>
        <translation>Fuera de vía hasta</translation>
    </message>
    <message>
        <source>Walking to road</source>
        <translation>A pie hasta la vía</translation>
    </message>
    <message>
        <source>Cancelled: no new results.</source>
        <translation>Cancelado: no hay resultados nuevos.</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>incluidas</translation>
    </message>
    <message>
        <source>The speeds that ship with ccgeo</source>
        <translation>Las velocidades que trae ccgeo</translation>
    </message>
    <message>
        <source>Choose a speed file</source>
        <translation>Elegir un archivo de velocidades</translation>
    </message>
    <message>
        <source>Speed files ({patterns})</source>
        <translation>Archivos de velocidades ({patterns})</translation>
    </message>
    <message>
        <source>All files ({patterns})</source>
        <translation>Todos los archivos ({patterns})</translation>
    </message>
    <message>
        <source>Running…</source>
        <extracomment>When the plan shown was made and whether the data changed since (`show_saved`).</extracomment>
        <translation>En ejecución…</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Falló.</translation>
    </message>
    <message>
        <source>Nothing to analyse yet: import roads, population and facilities (File ▸ Import).</source>
        <translation>Todavía no hay nada que analizar: importe vías, población y establecimientos (Archivo ▸ Importar).</translation>
    </message>
    <message>
        <source>⚠ Results are out of date: {reason}. Press Run (F5).</source>
        <translation>⚠ Los resultados están desactualizados: {reason}. Pulse Ejecutar (F5).</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Escenarios</translation>
    </message>
    <message>
        <source>Undo the last edit: what-if, layer or facility attribute (Ctrl+Z)</source>
        <translation>Deshacer el último cambio: simulación, capa o atributo de un establecimiento (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo the edit undone last (Ctrl+Shift+Z or Ctrl+Y)</source>
        <translation>Rehacer el último cambio deshecho (Ctrl+Mayús+Z o Ctrl+Y)</translation>
    </message>
    <message>
        <source>a facility was edited</source>
        <translation>se modificó un establecimiento</translation>
    </message>
    <message>
        <source>&amp;Run analysis</source>
        <translation>&amp;Ejecutar análisis</translation>
    </message>
    <message>
        <source>Run the access analysis with the settings of the Analysis panel (F5)</source>
        <translation>Ejecutar el análisis de acceso con la configuración del panel Análisis (F5)</translation>
    </message>
    <message>
        <source>&amp;Cancel analysis</source>
        <translation>&amp;Cancelar análisis</translation>
    </message>
    <message>
        <source>Stop the analysis under way (Ctrl+.)</source>
        <translation>Detener el análisis en curso (Ctrl+.)</translation>
    </message>
    <message>
        <source>&amp;Place hub</source>
        <translation>&amp;Ubicar laboratorio de referencia</translation>
    </message>
    <message>
        <source>Click on the map to place a candidate hub, drag one to move it, right-click to remove it (H)</source>
        <translation>Haga clic en el mapa para ubicar un laboratorio de referencia candidato, arrástrelo para moverlo, clic derecho para quitarlo (H)</translation>
    </message>
    <message>
        <source>Reset &amp;what-if</source>
        <translation>Restablecer &amp;simulación</translation>
    </message>
    <message>
        <source>Remove every candidate hub, upgrade and closure (undoable)</source>
        <translation>Quitar todos los laboratorios de referencia candidatos, mejoras y cierres (se puede deshacer)</translation>
    </message>
    <message>
        <source>&amp;Redo {edit}</source>
        <extracomment>The text of the edit the action undoes (redoes); &quot;&quot; when there is none.</extracomment>
        <translation>&amp;Rehacer {edit}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Undo {edit}</source>
        <translation>&amp;Deshacer {edit}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Reset what-if</source>
        <translation>Restablecer simulación</translation>
    </message>
    <message>
        <source>capacity should be a number of tests per year, got {text}; type digits only (or leave the cell blank when it is not known)</source>
        <extracomment>Role giving the raw value a column sorts by (numbers as numbers, not as text). Columns of the facility table whose cells can be edited, with the values a combo offers. The capacity column, edited as a number of tests per year (blank: unknown). Edits of these columns change which labs count in an analysis. Import-report severities in the order a reviewer works through them.</extracomment>
        <translation>la capacidad debe ser un número de pruebas al año, se recibió {text}; escriba solo cifras (o deje la celda vacía si no se conoce)</translation>
    </message>
    <message>
        <source>capacity should be 0 or more tests per year, got {text}; type a number ≥ 0</source>
        <translation>la capacidad debe ser de 0 o más pruebas al año, se recibió {text}; escriba un número ≥ 0</translation>
    </message>
    <message>
        <source>Edit {facility} {column}: {old} → {new}</source>
        <translation>Editar {facility} {column}: {old} → {new}</translation>
    </message>
    <message>
        <source>{value}
(flagged for review)</source>
        <translation>{value}
(marcado para revisión)</translation>
    </message>
    <message>
        <source>{column} should be one of {allowed}, got {value}; pick one in the list</source>
        <translation>{column} debe ser uno de estos valores: {allowed}; se recibió {value}; elija uno de la lista</translation>
    </message>
    <message>
        <source>Filter by id or name…</source>
        <translation>Filtrar por ID o nombre…</translation>
    </message>
    <message>
        <source>Show only facilities whose id or name contains this text</source>
        <translation>Mostrar solo los establecimientos cuyo ID o nombre contiene este texto</translation>
    </message>
    <message>
        <source>Show only facilities with this capability</source>
        <translation>Mostrar solo los establecimientos con esta capacidad diagnóstica</translation>
    </message>
    <message>
        <source>Show only facilities imported with a doubt to check</source>
        <translation>Mostrar solo los establecimientos importados con una duda por revisar</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>Zoom a la selección</translation>
    </message>
    <message>
        <source>Show every selected facility on the map (Ctrl+J)</source>
        <translation>Mostrar en el mapa todos los establecimientos seleccionados (Ctrl+J)</translation>
    </message>
    <message>
        <source>Tick capabilities, choose EQA and accreditation, type the capacity (tests per year) to correct a facility (undo with Ctrl+Z); double-click a row to zoom to it</source>
        <extracomment>Why the last edit was refused (hidden after a good edit).</extracomment>
        <translation>Marque las capacidades, elija el control de calidad externo (EQA) y la acreditación, escriba la capacidad (pruebas al año) para corregir un establecimiento (deshacer con Ctrl+Z); doble clic en una fila para acercarse a él</translation>
    </message>
    <message>
        <source>All capabilities</source>
        <translation>Todas las capacidades</translation>
    </message>
    <message>
        <source>Can do {test}</source>
        <translation>Puede hacer {test}</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} de {total}</translation>
    </message>
    <message>
        <source>The districts and their attributes; click a header to sort</source>
        <translation>Los distritos y sus atributos; haga clic en un encabezado para ordenar</translation>
    </message>
    <message>
        <source>Which imported file&apos;s report to show</source>
        <translation>Qué informe de archivo importado mostrar</translation>
    </message>
    <message>
        <source>Each row of the imported file rejected or to look at: the problem and the fix</source>
        <translation>Cada fila del archivo importado rechazada o por revisar: el problema y la solución</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Informe de importación</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>The facilities: edit what each lab can do</source>
        <translation>Los establecimientos: edite lo que puede hacer cada laboratorio</translation>
    </message>
    <message>
        <source>The districts&apos; attributes</source>
        <translation>Los atributos de los distritos</translation>
    </message>
    <message>
        <source>What the facility imports found in each row</source>
        <translation>Lo que encontraron las importaciones de establecimientos en cada fila</translation>
    </message>
    <message>
        <source>Everything to review behind the results: rows rejected or changed on import, people outside the roads or in no district, labs the analysis could not use</source>
        <translation>Todo lo que hay que revisar detrás de los resultados: filas rechazadas o modificadas al importar, personas fuera de las vías o en ningún distrito, laboratorios que el análisis no pudo usar</translation>
    </message>
    <message>
        <source>(unnamed file)</source>
        <translation>(archivo sin nombre)</translation>
    </message>
    <message>
        <source>No facility file has been imported in this project.</source>
        <translation>No se ha importado ningún archivo de establecimientos en este proyecto.</translation>
    </message>
    <message>
        <source>2SFCA</source>
        <translation>2SFCA</translation>
    </message>
    <message>
        <source>E2SFCA (nearer weighs more)</source>
        <translation>E2SFCA (lo cercano pesa más)</translation>
    </message>
    <message>
        <source>Coverage limited by capacity</source>
        <translation>Cobertura limitada por la capacidad</translation>
    </message>
    <message>
        <source>Two-step floating catchment (Luo and Wang 2003): each lab&apos;s capacity is shared by the need within the time limit; a place sums the shares of the labs it reaches</source>
        <translation>Área de influencia flotante en dos pasos (Luo y Wang 2003): la capacidad de cada laboratorio se reparte entre la necesidad dentro del límite de tiempo; cada lugar suma las partes de los laboratorios que alcanza</translation>
    </message>
    <message>
        <source>Enhanced 2SFCA (Luo and Qi 2009): like 2SFCA, with travel-time bands that count farther labs and people less</source>
        <translation>2SFCA mejorado (Luo y Qi 2009): como 2SFCA, con franjas de tiempo de viaje que cuentan menos a los laboratorios y personas más lejanos</translation>
    </message>
    <message>
        <source>AccessMod-style coverage: each lab takes the nearest uncovered need until its capacity or the time limit runs out</source>
        <translation>Cobertura al estilo de AccessMod: cada laboratorio toma la necesidad no cubierta más cercana hasta agotar su capacidad o el límite de tiempo</translation>
    </message>
    <message>
        <source>Largest capacity first</source>
        <translation>Mayor capacidad primero</translation>
    </message>
    <message>
        <source>Most need within the limit first</source>
        <translation>Más necesidad dentro del límite primero</translation>
    </message>
    <message>
        <source>Order of the facility list</source>
        <translation>Orden de la lista de establecimientos</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Laboratorio</translation>
    </message>
    <message>
        <source>Capacity (tests/yr)</source>
        <translation>Capacidad (pruebas/año)</translation>
    </message>
    <message>
        <source>Need in reach (tests/yr)</source>
        <translation>Necesidad al alcance (pruebas/año)</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Razón</translation>
    </message>
    <message>
        <source>Scenario files and batch comparisons (*.toml comparison.csv)</source>
        <extracomment>The table the batch writes in its output folder. What File ▸ Open Scenario Batch… offers: scenario files, and the table of a batch run before.</extracomment>
        <translation>Archivos de escenarios y comparaciones de lotes (*.toml comparison.csv)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Speed file</source>
        <translation>Archivo de velocidades</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Umbrales</translation>
    </message>
    <message>
        <source>Road closures</source>
        <translation>Cierres de vías</translation>
    </message>
    <message>
        <source>Hubs</source>
        <translation>Laboratorios de referencia</translation>
    </message>
    <message>
        <source>Sample referral</source>
        <translation>Derivación de muestras</translation>
    </message>
    <message>
        <source>Labs used</source>
        <translation>Laboratorios usados</translation>
    </message>
    <message>
        <source>Off the road network</source>
        <translation>Fuera de la red vial</translation>
    </message>
    <message>
        <source>Mean time</source>
        <translation>Tiempo medio</translation>
    </message>
    <message>
        <source>Underserved people</source>
        <translation>Personas desatendidas</translation>
    </message>
    <message>
        <source>Sited hubs</source>
        <translation>Laboratorios ubicados</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>One row per scenario: its values and its results, as in comparison.csv</source>
        <extracomment>Columns shown as written (names, ids, the axis values).</extracomment>
        <translation>Una fila por escenario: sus valores y sus resultados, como en comparison.csv</translation>
    </message>
    <message>
        <source>Open a scenario file, or the comparison.csv of a folder written by `ccgeo batch` (File ▸ Open Scenario Batch…).</source>
        <translation>Abra un archivo de escenarios, o el comparison.csv de una carpeta escrita por `ccgeo batch` (Archivo ▸ Abrir lote de escenarios…).</translation>
    </message>
    <message numerus="yes">
        <source>%n scenario(s) from {folder}; {failed} failed</source>
        <translation>
            <numerusform>%n escenario de {folder}; {failed} fallidos</numerusform>
            <numerusform>%n escenarios de {folder}; {failed} fallidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Within {minutes} min</source>
        <translation>A {minutes} min o menos</translation>
    </message>
    <message>
        <source>People within {minutes} min</source>
        <translation>Personas a {minutes} min o menos</translation>
    </message>
    <message>
        <source>Referral: {value}</source>
        <translation>Derivación: {value}</translation>
    </message>
    <message>
        <source>Run Scenario Batch</source>
        <translation>Ejecutar lote de escenarios</translation>
    </message>
    <message numerus="yes">
        <source>%n scenario(s) of {name} in {file}</source>
        <translation>
            <numerusform>%n escenario de {name} en {file}</numerusform>
            <numerusform>%n escenarios de {name} en {file}</numerusform>
        </translation>
    </message>
    <message>
        <source>Each scenario writes its outputs in scenarios/&lt;id&gt;/ here, then comparison.csv</source>
        <translation>Cada escenario escribe sus resultados aquí en scenarios/&lt;id&gt;/, y luego comparison.csv</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>The scenarios finished in this folder already are skipped; Cancel stops the batch and keeps those that finished.</source>
        <translation>Los escenarios ya terminados en esta carpeta se omiten; Cancelar detiene el lote y conserva los que terminaron.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>Carpeta de salida:</translation>
    </message>
    <message>
        <source>Folder for the outputs of the scenario batch</source>
        <translation>Carpeta para los resultados del lote de escenarios</translation>
    </message>
    <message>
        <source>{folder} holds no comparison.csv; choose a scenario file or the comparison.csv in the --out folder of `ccgeo batch`</source>
        <translation>{folder} no contiene comparison.csv; elija un archivo de escenarios o el comparison.csv de la carpeta --out de `ccgeo batch`</translation>
    </message>
    <message numerus="yes">
        <source>Scenario batch cancelled: %n finished scenario(s) kept in {folder}; run it again to go on</source>
        <translation>
            <numerusform>Lote de escenarios cancelado: %n escenario terminado se conserva en {folder}; ejecútelo otra vez para continuar</numerusform>
            <numerusform>Lote de escenarios cancelado: %n escenarios terminados se conservan en {folder}; ejecútelo otra vez para continuar</numerusform>
        </translation>
    </message>
    <message>
        <source>Running the scenario batch…</source>
        <translation>Ejecutando el lote de escenarios…</translation>
    </message>
    <message>
        <source>Scenario file not read</source>
        <translation>Archivo de escenarios no leído</translation>
    </message>
    <message>
        <source>Open a scenario file, or the comparison of a scenario batch</source>
        <translation>Abrir un archivo de escenarios, o la comparación de un lote de escenarios</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Scenario batch</source>
        <translation>Lote de escenarios</translation>
    </message>
    <message>
        <source>Run a scenario file (TOML) and compare its scenarios, or show the comparison of a batch run before (comparison.csv in the --out folder of `ccgeo batch`)</source>
        <translation>Ejecutar un archivo de escenarios (TOML) y comparar sus escenarios, o mostrar la comparación de un lote ya ejecutado (comparison.csv en la carpeta --out de `ccgeo batch`)</translation>
    </message>
    <message>
        <source>No scenario batch there</source>
        <translation>No hay ningún lote de escenarios ahí</translation>
    </message>
    <message>
        <source>Open Scenario &amp;Batch…</source>
        <translation>Abrir &amp;lote de escenarios…</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Posición</translation>
    </message>
    <message>
        <source>Covered (tests/yr)</source>
        <translation>Cubierto (pruebas/año)</translation>
    </message>
    <message>
        <source>Capacity used</source>
        <translation>Capacidad usada</translation>
    </message>
    <message>
        <source>Reach (min)</source>
        <translation>Alcance (min)</translation>
    </message>
    <message>
        <source>Stopped by</source>
        <translation>Detenido por</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Need (tests/yr)</source>
        <translation>Necesidad (pruebas/año)</translation>
    </message>
    <message>
        <source>Accessibility</source>
        <translation>Accesibilidad</translation>
    </message>
    <message>
        <source>People with no lab in reach</source>
        <translation>Personas sin laboratorio al alcance</translation>
    </message>
    <message>
        <source>Share covered</source>
        <translation>Proporción cubierta</translation>
    </message>
    <message>
        <source>People covered</source>
        <translation>Personas cubiertas</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>capacity unknown</source>
        <translation>capacidad desconocida</translation>
    </message>
    <message>
        <source>no need</source>
        <translation>sin necesidad</translation>
    </message>
    <message>
        <source>capacity full</source>
        <translation>capacidad agotada</translation>
    </message>
    <message>
        <source>time limit</source>
        <translation>límite de tiempo</translation>
    </message>
    <message>
        <source>Test, lab quality and travel mode come from the Analysis panel; the facilities count as the live what-if has them (hubs placed, labs upgraded or closed)</source>
        <translation>La prueba, la calidad del laboratorio y el modo de transporte vienen del panel Análisis; los establecimientos cuentan como los tiene la simulación en curso (laboratorios de referencia ubicados, laboratorios mejorados o cerrados)</translation>
    </message>
    <message>
        <source>A lab is within reach up to this travel time (inclusive)</source>
        <translation>Un laboratorio está al alcance hasta este tiempo de viaje (inclusive)</translation>
    </message>
    <message>
        <source>Which lab takes the need it reaches first (coverage only)</source>
        <translation>Qué laboratorio toma primero la necesidad que alcanza (solo cobertura)</translation>
    </message>
    <message>
        <source>Compute capacity</source>
        <translation>Calcular capacidad</translation>
    </message>
    <message>
        <source>Compare lab capacity with the need (F9)</source>
        <translation>Comparar la capacidad de los laboratorios con la necesidad (F9)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Lab order</source>
        <translation>Orden de los laboratorios</translation>
    </message>
    <message>
        <source>No capacity result yet.</source>
        <translation>Todavía no hay resultado de capacidad.</translation>
    </message>
    <message>
        <source>Each lab&apos;s capacity against the need within reach</source>
        <translation>La capacidad de cada laboratorio frente a la necesidad al alcance</translation>
    </message>
    <message>
        <source>The result by district</source>
        <translation>El resultado por distrito</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>Laboratorios</translation>
    </message>
    <message>
        <source>By district</source>
        <translation>Por distrito</translation>
    </message>
    <message>
        <source>Each lab&apos;s capacity against the need within its reach</source>
        <translation>La capacidad de cada laboratorio frente a la necesidad a su alcance</translation>
    </message>
    <message>
        <source>Accessibility or the share of need covered, by district</source>
        <translation>Accesibilidad o proporción de la necesidad cubierta, por distrito</translation>
    </message>
    <message>
        <source>E2SFCA bands {bands} min, weights {weights}.</source>
        <translation>Franjas E2SFCA {bands} min, pesos {weights}.</translation>
    </message>
    <message>
        <source>Open a project first (File ▸ Open).</source>
        <translation>Primero abra un proyecto (Archivo ▸ Abrir).</translation>
    </message>
    <message>
        <source>Comparing {test} lab capacity with the need…</source>
        <translation>Comparando la capacidad de los laboratorios de {test} con la necesidad…</translation>
    </message>
    <message>
        <source>Cancelled: the result shown (if any) is the previous one.</source>
        <translation>Cancelado: el resultado mostrado (si lo hay) es el anterior.</translation>
    </message>
    <message numerus="yes">
        <source>Done: {method}, %n labs{edits}.</source>
        <translation>
            <numerusform>Listo: {method}, %n laboratorio{edits}.</numerusform>
            <numerusform>Listo: {method}, %n laboratorios{edits}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: {warning}</source>
        <translation>Nota: {warning}</translation>
    </message>
    <message>
        <source>outside every district</source>
        <translation>fuera de todo distrito</translation>
    </message>
    <message>
        <source>Lab capacity</source>
        <comment>panel</comment>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>Lab capaci&amp;ty…</source>
        <translation>Capaci&amp;dad de los laboratorios…</translation>
    </message>
    <message>
        <source>Compare lab capacity with the need for tests: 2SFCA, E2SFCA or capacity-limited coverage (F9)</source>
        <translation>Comparar la capacidad de los laboratorios con la necesidad de pruebas: 2SFCA, E2SFCA o cobertura limitada por la capacidad (F9)</translation>
    </message>
    <message>
        <source>Facility</source>
        <extracomment>Marks the row of the travel times (its text changes with the language). The kind of a feature as its row names it (English; shown through `tr`).</extracomment>
        <translation>Establecimiento</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>Vía</translation>
    </message>
    <message>
        <source>{mode}, traffic ×{factor}</source>
        <translation>{mode}, tráfico ×{factor}</translation>
    </message>
    <message>
        <source>off the road network: more than {metres} m from a road</source>
        <translation>fuera de la red vial: a más de {metres} m de una vía</translation>
    </message>
    <message>
        <source>unreachable: no {test} lab can be reached from here</source>
        <translation>inalcanzable: desde aquí no se llega a ningún laboratorio de {test}</translation>
    </message>
    <message>
        <source>{minutes} to {lab} ({lab_id})</source>
        <translation>{minutes} hasta {lab} ({lab_id})</translation>
    </message>
    <message>
        <source>Travel time to the nearest lab</source>
        <translation>Tiempo de viaje al laboratorio más cercano</translation>
    </message>
    <message>
        <source>Run the analysis (F5) to see the travel time from here to the nearest lab</source>
        <translation>Ejecute el análisis (F5) para ver el tiempo de viaje desde aquí al laboratorio más cercano</translation>
    </message>
    <message>
        <source>to the nearest lab</source>
        <translation>al laboratorio más cercano</translation>
    </message>
    <message>
        <source>{mode}: with the what-if edits (hubs, upgrades, closures); {others}: as run, without them</source>
        <translation>{mode}: con los cambios de la simulación (laboratorios de referencia, mejoras, cierres); {others}: como se ejecutó, sin ellos</translation>
    </message>
    <message>
        <source>{mode}: with the what-if edits (hubs, upgrades, closures)</source>
        <translation>{mode}: con los cambios de la simulación (laboratorios de referencia, mejoras, cierres)</translation>
    </message>
    <message>
        <source>Travel time to the nearest {test} lab</source>
        <translation>Tiempo de viaje al laboratorio de {test} más cercano</translation>
    </message>
    <message>
        <source>to the nearest {test} lab</source>
        <translation>al laboratorio de {test} más cercano</translation>
    </message>
    <message>
        <source>Travel time to the nearest {test} lab ({quality})</source>
        <translation>Tiempo de viaje al laboratorio de {test} más cercano ({quality})</translation>
    </message>
    <message>
        <source>to the nearest {test} lab ({quality})</source>
        <translation>al laboratorio de {test} más cercano ({quality})</translation>
    </message>
    <message>
        <source>Choose the Identify tool (I) and click anywhere on the map: the features there and the travel time to the nearest lab.</source>
        <translation>Elija la herramienta Identificar (I) y haga clic en cualquier lugar del mapa: los elementos que hay allí y el tiempo de viaje al laboratorio más cercano.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>ccgeo projects (*.ccgeo)</source>
        <extracomment>The page of the outputs that opens in the browser. What the run logs of the app&apos;s comparison say ran. Share of the progress bar for the indicators (the rest: writing the outputs).</extracomment>
        <translation>Proyectos ccgeo (*.ccgeo)</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Labs counted</source>
        <translation>Laboratorios contados</translation>
    </message>
    <message>
        <source>Indicator</source>
        <extracomment>Column headers of the tidy table, in the order of its columns: what a narrow dock shows first (the indicator, its value and level) on the left.</extracomment>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Writing the tables, charts, maps, dashboard and brief…</source>
        <extracomment>Widest the indicator column starts, pixels: its value and level stay in a laptop&apos;s dock.</extracomment>
        <translation>Escribiendo las tablas, gráficos, mapas, panel e informe…</translation>
    </message>
    <message>
        <source>Open the Dashboard</source>
        <translation>Abrir el panel</translation>
    </message>
    <message>
        <source>Open dashboard.html of the output folder in the web browser (works offline)</source>
        <translation>Abrir dashboard.html de la carpeta de resultados en el navegador (funciona sin conexión)</translation>
    </message>
    <message>
        <source>One row per city, test, quality level and indicator; the level (1-5) is on the draft scale of resources/readiness.toml</source>
        <translation>Una fila por ciudad, prueba, nivel de calidad e indicador; el nivel (1-5) está en la escala provisional de resources/readiness.toml</translation>
    </message>
    <message>
        <source>Show the indicators of one city, or of every city</source>
        <translation>Mostrar los indicadores de una ciudad o de todas</translation>
    </message>
    <message>
        <source>Choose several projects with File ▸ Compare Cities… to compare their readiness.</source>
        <translation>Elija varios proyectos con Archivo ▸ Comparar ciudades… para comparar su preparación.</translation>
    </message>
    <message numerus="yes">
        <source>%n city(ies) compared; tables, charts and brief in {folder}</source>
        <translation>
            <numerusform>%n ciudad comparada; tablas, gráficos e informe en {folder}</numerusform>
            <numerusform>%n ciudades comparadas; tablas, gráficos e informe en {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>Todas las ciudades</translation>
    </message>
    <message>
        <source>in EQA</source>
        <translation>en EEC</translation>
    </message>
    <message>
        <source>accredited</source>
        <translation>acreditados</translation>
    </message>
    <message>
        <source>Compare Cities</source>
        <translation>Comparar ciudades</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s): {names}</source>
        <translation>
            <numerusform>%n proyecto: {names}</numerusform>
            <numerusform>%n proyectos: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>every test of each city</source>
        <translation>todas las pruebas de cada ciudad</translation>
    </message>
    <message>
        <source>Tests to compare, comma-separated (ihc, pcr)</source>
        <translation>Pruebas que comparar, separadas por comas (ihc, pcr)</translation>
    </message>
    <message>
        <source>indicators.csv and .xlsx, charts, maps, dashboard.html and brief.pdf go here</source>
        <translation>indicators.csv y .xlsx, gráficos, mapas, dashboard.html y brief.pdf van aquí</translation>
    </message>
    <message>
        <source>Tests:</source>
        <translation>Pruebas:</translation>
    </message>
    <message>
        <source>Folder for the outputs of the comparison</source>
        <translation>Carpeta para los resultados de la comparación</translation>
    </message>
    <message>
        <source>Comparing the cities…</source>
        <translation>Comparando las ciudades…</translation>
    </message>
    <message>
        <source>Comparison of the cities cancelled</source>
        <translation>Comparación de las ciudades cancelada</translation>
    </message>
    <message>
        <source>Choose the projects of the cities to compare</source>
        <translation>Elija los proyectos de las ciudades que comparar</translation>
    </message>
    <message>
        <source>Cities compared</source>
        <translation>Ciudades comparadas</translation>
    </message>
    <message>
        <source>Co&amp;mpare Cities…</source>
        <translation>Co&amp;mparar ciudades…</translation>
    </message>
    <message>
        <source>Compare the diagnostic readiness of several projects, one city each: indicators, levels on the draft scale, charts, maps, an offline dashboard and a PDF brief</source>
        <translation>Comparar la preparación diagnóstica de varios proyectos, una ciudad cada uno: indicadores, niveles en la escala provisional, gráficos, mapas, un panel sin conexión y un informe PDF</translation>
    </message>
    <message>
        <source>Double-click a feature to zoom to it</source>
        <translation>Doble clic en un elemento para acercarse a él</translation>
    </message>
    <message>
        <source>Travel time</source>
        <extracomment>The travel times shown with the features (None: none asked for).</extracomment>
        <translation>Tiempo de viaje</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>No map feature here ({where}).</source>
        <translation>No hay ningún elemento del mapa aquí ({where}).</translation>
    </message>
    <message>
        <source>Nothing here ({where}).</source>
        <translation>Nada aquí ({where}).</translation>
    </message>
    <message>
        <source>1 feature at {where}</source>
        <translation>1 elemento en {where}</translation>
    </message>
    <message>
        <source>{count} features at {where}</source>
        <translation>{count} elementos en {where}</translation>
    </message>
    <message>
        <source>The map&apos;s layers, top drawn over the ones below: tick to show or hide, drag to reorder, right-click for more</source>
        <extracomment>Kinds whose layer is not removed from the panel: the base map has its own menu. The last context menu shown (kept alive; tests read it), and the last Style dialog.</extracomment>
        <translation>Las capas del mapa, la de arriba dibujada sobre las de abajo: marque para mostrar u ocultar, arrastre para reordenar, clic derecho para más</translation>
    </message>
    <message>
        <source>Opacity of the selected layer</source>
        <translation>Opacidad de la capa seleccionada</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacidad</translation>
    </message>
    <message>
        <source>Opacity {percent} %</source>
        <translation>Opacidad {percent} %</translation>
    </message>
    <message>
        <source>Move layer {layer}</source>
        <translation>Mover la capa {layer}</translation>
    </message>
    <message>
        <source>Remove layer {layer}</source>
        <translation>Quitar la capa {layer}</translation>
    </message>
    <message>
        <source>Add back layer {layer}</source>
        <translation>Volver a añadir la capa {layer}</translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation>Zoom a la capa</translation>
    </message>
    <message>
        <source>Hide</source>
        <comment>layer</comment>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Show</source>
        <comment>layer</comment>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Style…</source>
        <translation>Estilo…</translation>
    </message>
    <message>
        <source>Colours and sizes of this layer&apos;s classes (undo with Ctrl+Z)</source>
        <translation>Colores y tamaños de las clases de esta capa (deshacer con Ctrl+Z)</translation>
    </message>
    <message>
        <source>This layer is drawn with a fixed style</source>
        <translation>Esta capa se dibuja con un estilo fijo</translation>
    </message>
    <message>
        <source>Remove</source>
        <comment>layer</comment>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Choose View ▸ Base map ▸ None to hide the base map</source>
        <translation>Elija Ver ▸ Mapa base ▸ Ninguno para ocultar el mapa base</translation>
    </message>
    <message>
        <source>Take this layer off the map (Delete; undo with Ctrl+Z)</source>
        <translation>Quitar esta capa del mapa (Supr; deshacer con Ctrl+Z)</translation>
    </message>
    <message>
        <source>Add back</source>
        <translation>Volver a añadir</translation>
    </message>
    <message>
        <source>Put {layer} back on the map at its place</source>
        <translation>Volver a poner {layer} en el mapa, en su lugar</translation>
    </message>
    <message>
        <source>{layer}: tick to show, drag to change the drawing order, right-click for more</source>
        <translation>{layer}: marque para mostrar, arrastre para cambiar el orden de dibujo, clic derecho para más</translation>
    </message>
    <message>
        <source>Siting new {test} hubs…</source>
        <extracomment>The settings the siting result was computed with. The what-if edits the siting and the referral counted (None: none).</extracomment>
        <translation>Ubicando nuevos laboratorios de {test}…</translation>
    </message>
    <message>
        <source>Planning the {test} sample referral…</source>
        <translation>Planificando la derivación de muestras para {test}…</translation>
    </message>
    <message>
        <source>there is no proposal yet: run the siting first</source>
        <translation>todavía no hay propuesta: ejecute primero la localización</translation>
    </message>
    <message>
        <source>New hubs</source>
        <translation>Nuevos laboratorios de referencia</translation>
    </message>
    <message>
        <source>New hubs</source>
        <comment>panel</comment>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Referral</source>
        <comment>panel</comment>
        <translation>Derivación</translation>
    </message>
    <message>
        <source>&amp;Site new hubs…</source>
        <translation>&amp;Ubicar nuevos laboratorios de referencia…</translation>
    </message>
    <message>
        <source>Choose new testing hubs: most people covered, least travel time or fewest hubs (F7)</source>
        <translation>Elegir nuevos laboratorios de referencia: más personas cubiertas, menor tiempo de viaje o menos laboratorios (F7)</translation>
    </message>
    <message>
        <source>Sample re&amp;ferral…</source>
        <translation>&amp;Derivación de muestras…</translation>
    </message>
    <message>
        <source>Plan how specimens travel from biopsy sites to hub labs by courier (F8)</source>
        <translation>Planificar cómo viajan las muestras por mensajero desde los sitios de biopsia hasta los laboratorios de referencia (F8)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>How to fix it</source>
        <translation>Cómo corregirlo</translation>
    </message>
    <message>
        <source>facilities</source>
        <extracomment>What a note without a file is about, by its topic (English; shown through `tr`).</extracomment>
        <translation>establecimientos</translation>
    </message>
    <message>
        <source>population</source>
        <translation>población</translation>
    </message>
    <message>
        <source>analysis</source>
        <translation>análisis</translation>
    </message>
    <message>
        <source>What the data lacked or what ccgeo changed; double-click a row about a facility to show it in the table and on the map</source>
        <translation>Lo que faltaba en los datos o lo que ccgeo cambió; doble clic en una fila sobre un establecimiento para mostrarlo en la tabla y en el mapa</translation>
    </message>
    <message>
        <source>No data notes: import data and run an analysis to see what they hold.</source>
        <translation>No hay notas sobre los datos: importe datos y ejecute un análisis para ver lo que contienen.</translation>
    </message>
    <message>
        <source>Nothing to review; where the people and facility rows went is listed below.</source>
        <translation>Nada que revisar; abajo se indica adónde fueron las personas y las filas de establecimientos.</translation>
    </message>
    <message>
        <source>{count} {what}</source>
        <comment>a number of data notes and what they are</comment>
        <translation>{count} {what}</translation>
    </message>
    <message>
        <source>To review: {notes}. Double-click a row about a facility to show it.</source>
        <translation>Por revisar: {notes}. Doble clic en una fila sobre un establecimiento para mostrarlo.</translation>
    </message>
    <message>
        <source>Spoke</source>
        <translation>Establecimiento remitente</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Laboratorio de referencia</translation>
    </message>
    <message>
        <source>Sample trip (min)</source>
        <translation>Viaje de la muestra (min)</translation>
    </message>
    <message>
        <source>Pick-up</source>
        <translation>Recolección</translation>
    </message>
    <message>
        <source>Sample to result (working days)</source>
        <translation>De la muestra al resultado (días hábiles)</translation>
    </message>
    <message>
        <source>Patient trip (min)</source>
        <translation>Viaje del paciente (min)</translation>
    </message>
    <message>
        <source>Patient − sample (min)</source>
        <translation>Paciente − muestra (min)</translation>
    </message>
    <message>
        <source>Meets target</source>
        <translation>Cumple la meta</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Propuesto</translation>
    </message>
    <message>
        <source>Spokes served</source>
        <translation>Remitentes atendidos</translation>
    </message>
    <message>
        <source>Couriers needed</source>
        <translation>Mensajeros necesarios</translation>
    </message>
    <message>
        <source>Tests/year</source>
        <translation>Pruebas/año</translation>
    </message>
    <message>
        <source>Capacity/year</source>
        <translation>Capacidad/año</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Utilización</translation>
    </message>
    <message>
        <source>daily</source>
        <extracomment>How often a courier picks up at a spoke (``&quot;&lt;k&gt; per week&quot;`` is worded by `frequency_label`).</extracomment>
        <translation>diaria</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>semanal</translation>
    </message>
    <message>
        <source>worst case wait for the courier</source>
        <extracomment>Which wait for the next pick-up decides whether a spoke meets the target (``wait_rule``).</extracomment>
        <translation>espera del mensajero en el peor caso</translation>
    </message>
    <message>
        <source>average case wait for the courier</source>
        <translation>espera media del mensajero</translation>
    </message>
    <message>
        <source>{count} per week</source>
        <translation>{count} por semana</translation>
    </message>
    <message numerus="yes">
        <source>{share} of %n spokes get a result within {days} working days of the sample ({rule})</source>
        <translation>
            <numerusform>el {share} de %n establecimiento remitente recibe un resultado en {days} días hábiles o menos desde la toma de la muestra ({rule})</numerusform>
            <numerusform>el {share} de %n establecimientos remitentes recibe un resultado en {days} días hábiles o menos desde la toma de la muestra ({rule})</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} {frequency}</source>
        <comment>spokes picked up this often</comment>
        <translation>{frequency}: {count}</translation>
    </message>
    <message numerus="yes">
        <source>%n spokes served by {hubs} hubs in {loops} courier loops{frequency}, couriers {mode}</source>
        <translation>
            <numerusform>%n establecimiento remitente atendido por {hubs} laboratorios de referencia en {loops} circuitos de mensajería{frequency}, mensajeros {mode}</numerusform>
            <numerusform>%n establecimientos remitentes atendidos por {hubs} laboratorios de referencia en {loops} circuitos de mensajería{frequency}, mensajeros {mode}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n spokes cannot be served:</source>
        <translation>
            <numerusform>%n establecimiento remitente no puede ser atendido:</numerusform>
            <numerusform>%n establecimientos remitentes no pueden ser atendidos:</numerusform>
        </translation>
    </message>
    <message>
        <source>Median trip to the hub: sample {sample} min by courier, patient {patient} min {mode}</source>
        <translation>Viaje mediano al laboratorio de referencia: muestra {sample} min por mensajero, paciente {patient} min {mode}</translation>
    </message>
    <message>
        <source>Patients&apos; travel saved: {hours} hours a year</source>
        <translation>Viaje de pacientes ahorrado: {hours} horas al año</translation>
    </message>
    <message>
        <source>no route</source>
        <translation>sin ruta</translation>
    </message>
    <message>
        <source>Plan referral</source>
        <translation>Planificar derivación</translation>
    </message>
    <message>
        <source>Plan the sample referral with these settings (F8)</source>
        <translation>Planificar la derivación de muestras con esta configuración (F8)</translation>
    </message>
    <message>
        <source>No referral plan yet.</source>
        <translation>Todavía no hay plan de derivación.</translation>
    </message>
    <message>
        <source>One row per spoke: select one to show its route on the map</source>
        <translation>Una fila por establecimiento remitente: seleccione uno para ver su ruta en el mapa</translation>
    </message>
    <message>
        <source>Each hub lab&apos;s spokes, couriers and workload</source>
        <translation>Los remitentes, mensajeros y carga de trabajo de cada laboratorio de referencia</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Spokes</source>
        <translation>Remitentes</translation>
    </message>
    <message>
        <source>Hub workload</source>
        <translation>Carga de trabajo</translation>
    </message>
    <message>
        <source>The plan in a few sentences, and the spokes not served</source>
        <translation>El plan en pocas frases, y los establecimientos remitentes no atendidos</translation>
    </message>
    <message>
        <source>One row per spoke: its hub, trips, pick-ups and times</source>
        <translation>Una fila por establecimiento remitente: su laboratorio de referencia, viajes, recolecciones y tiempos</translation>
    </message>
    <message>
        <source>Each hub&apos;s spokes, couriers, tests a year and capacity</source>
        <translation>Los remitentes, mensajeros, pruebas al año y capacidad de cada laboratorio de referencia</translation>
    </message>
    <message>
        <source>The test whose specimens are referred to the hub labs</source>
        <translation>La prueba cuyas muestras se derivan a los laboratorios de referencia</translation>
    </message>
    <message>
        <source>Only labs meeting this standard act as hubs</source>
        <translation>Solo los laboratorios que cumplen este nivel actúan como laboratorios de referencia</translation>
    </message>
    <message>
        <source>How couriers travel (patients travel as in the analysis)</source>
        <translation>Cómo viajan los mensajeros (los pacientes viajan como en el análisis)</translation>
    </message>
    <message>
        <source>Couriers each hub lab can send out per day</source>
        <translation>Mensajeros que cada laboratorio de referencia puede enviar por día</translation>
    </message>
    <message>
        <source>When the couriers leave the hub</source>
        <translation>Cuándo salen los mensajeros del laboratorio de referencia</translation>
    </message>
    <message>
        <source>When the couriers must be back at the hub</source>
        <translation>Cuándo deben volver los mensajeros al laboratorio de referencia</translation>
    </message>
    <message>
        <source>The last pick-up at a spoke on a courier day</source>
        <translation>La última recolección en un establecimiento remitente en un día de mensajería</translation>
    </message>
    <message>
        <source>Include the proposed hubs</source>
        <translation>Incluir los laboratorios propuestos</translation>
    </message>
    <message>
        <source>Add the hubs of the last siting proposal to the existing hub labs</source>
        <translation>Agregar los laboratorios de la última propuesta de localización a los laboratorios de referencia existentes</translation>
    </message>
    <message>
        <source>per hub, by</source>
        <translation>por laboratorio, en</translation>
    </message>
    <message>
        <source>to</source>
        <comment>from one time to another</comment>
        <translation>a</translation>
    </message>
    <message>
        <source>Hub quality</source>
        <translation>Calidad del laboratorio de referencia</translation>
    </message>
    <message>
        <source>Couriers</source>
        <translation>Mensajeros</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Turno</translation>
    </message>
    <message>
        <source>Last pick-up</source>
        <translation>Última recolección</translation>
    </message>
    <message numerus="yes">
        <source>The %n proposed {test} hubs count: in the what-if</source>
        <translation>
            <numerusform>El laboratorio de {test} propuesto ya cuenta: está en la simulación</numerusform>
            <numerusform>Los %n laboratorios de {test} propuestos ya cuentan: están en la simulación</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Include the %n proposed {test} hubs</source>
        <translation>
            <numerusform>Incluir el laboratorio de {test} propuesto</numerusform>
            <numerusform>Incluir los %n laboratorios de {test} propuestos</numerusform>
        </translation>
    </message>
    <message>
        <source>the proposed hubs were sited for {sited}, not {test}: choose {sited} here, or untick &apos;Include the proposed hubs&apos;</source>
        <translation>los laboratorios propuestos se ubicaron para {sited}, no para {test}: elija {sited} aquí o desmarque «Incluir los laboratorios propuestos»</translation>
    </message>
    <message>
        <source>Cancelled: the plan shown (if any) is the previous one.</source>
        <translation>Cancelado: el plan mostrado (si lo hay) es el anterior.</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n spokes, {loops} courier loops{edits}.</source>
        <translation>
            <numerusform>Listo: %n establecimiento remitente, {loops} circuitos de mensajería{edits}.</numerusform>
            <numerusform>Listo: %n establecimientos remitentes, {loops} circuitos de mensajería{edits}.</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>{part} of {whole}</source>
        <translation>{part} de {whole}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>{frequency}, {clock}</source>
        <comment>pick-up</comment>
        <translation>{frequency}, {clock}</translation>
    </message>
    <message>
        <source>not servable</source>
        <translation>no atendible</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Within (min)</source>
        <translation>Hasta (min)</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Cubiertas</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Proporción</translation>
    </message>
    <message>
        <source>Beyond</source>
        <translation>Más allá</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Sin acceso</translation>
    </message>
    <message>
        <source>This chart compares districts, and the project has none: import them with File ▸ Import ▸ Districts… to see the coverage of each.</source>
        <extracomment>The Lancet Commission on Global Surgery target: 80 % of people within 2 h (DOMAIN.md). What the chart says when the project has no districts to compare.</extracomment>
        <translation>Este gráfico compara distritos y el proyecto no tiene ninguno: impórtelos con Archivo ▸ Importar ▸ Distritos… para ver la cobertura de cada uno.</translation>
    </message>
    <message>
        <source>Off-network</source>
        <translation>Fuera de la red</translation>
    </message>
    <message>
        <source>Area (km²)</source>
        <translation>Superficie (km²)</translation>
    </message>
    <message>
        <source>Nearest lab</source>
        <translation>Laboratorio más cercano</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>No analysis yet: set the test and press Run (F5).</source>
        <translation>Todavía no hay análisis: elija la prueba y pulse Ejecutar (F5).</translation>
    </message>
    <message>
        <source>Coverage of the whole area, and its change from the baseline</source>
        <translation>Cobertura de toda la zona y su cambio respecto de la situación actual</translation>
    </message>
    <message>
        <source>Threshold of the bar chart</source>
        <translation>Umbral del gráfico de barras</translation>
    </message>
    <message>
        <source>Share of each district&apos;s people within the threshold</source>
        <translation>Proporción de la población de cada distrito dentro del umbral</translation>
    </message>
    <message>
        <source>People within each threshold, by district (inclusive: ≤ T)</source>
        <translation>Personas dentro de cada umbral, por distrito (inclusive: ≤ T)</translation>
    </message>
    <message>
        <source>Underserved areas, most people first: click one to zoom to it</source>
        <translation>Zonas desatendidas, las más pobladas primero: haga clic en una para acercarse</translation>
    </message>
    <message>
        <source>Underserved areas</source>
        <translation>Zonas desatendidas</translation>
    </message>
    <message>
        <source>Chart threshold</source>
        <translation>Umbral del gráfico</translation>
    </message>
    <message>
        <source>{share} within {minutes} ({people} people)</source>
        <translation>{share} a {minutes} o menos ({people} personas)</translation>
    </message>
    <message>
        <source>Share of people within {minutes}, by district</source>
        <translation>Proporción de personas a {minutes} o menos, por distrito</translation>
    </message>
    <message numerus="yes">
        <source>Underserved areas: beyond {minutes}, %n areas, {people} people</source>
        <translation>
            <numerusform>Zonas desatendidas: a más de {minutes}, %n zona, {people} personas</numerusform>
            <numerusform>Zonas desatendidas: a más de {minutes}, %n zonas, {people} personas</numerusform>
        </translation>
    </message>
    <message>
        <source>{people} people ({share}) within {minutes}</source>
        <extracomment>Layers of the live what-if, hidden while two scenarios are on the map. Layers drawn under a scenario&apos;s catchment bands (and under the difference map).</extracomment>
        <translation>{people} personas ({share}) a {minutes} o menos</translation>
    </message>
    <message>
        <source>{name}: hubs and upgrades</source>
        <translation>{name}: laboratorios de referencia y mejoras</translation>
    </message>
    <message>
        <source>{name}: catchment bands</source>
        <translation>{name}: franjas de captación</translation>
    </message>
    <message>
        <source>On the map</source>
        <translation>En el mapa</translation>
    </message>
    <message>
        <source>Scenario A: what the map is compared with (before)</source>
        <translation>Escenario A: con qué se compara el mapa (antes)</translation>
    </message>
    <message>
        <source>Scenario B: the scenario compared with A (after)</source>
        <translation>Escenario B: el escenario que se compara con A (después)</translation>
    </message>
    <message>
        <source>Travel time within which a person counts as served (inclusive)</source>
        <translation>Tiempo de viaje dentro del cual una persona cuenta como atendida (inclusive)</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Lado a lado</translation>
    </message>
    <message>
        <source>A on the main map, B on a second map beside it: same extent and scale, panning and zooming linked</source>
        <translation>A en el mapa principal, B en un segundo mapa a su lado: misma extensión y escala, desplazamiento y zoom vinculados</translation>
    </message>
    <message>
        <source>Difference map</source>
        <translation>Mapa de diferencias</translation>
    </message>
    <message>
        <source>People who gain access within the threshold from A to B, who lose it, and the unchanged, with their numbers</source>
        <translation>Personas que ganan acceso dentro del umbral de A a B, las que lo pierden y las que no cambian, con sus cifras</translation>
    </message>
    <message>
        <source>Close</source>
        <comment>take the scenarios off the map</comment>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Back to the live what-if on a single map</source>
        <translation>Volver a la simulación en curso en un solo mapa</translation>
    </message>
    <message>
        <source>Coverage of A and B within the threshold, and who gains or loses</source>
        <translation>Cobertura de A y B dentro del umbral, y quién gana o pierde</translation>
    </message>
    <message>
        <source>A:</source>
        <comment>scenario A</comment>
        <translation>A:</translation>
    </message>
    <message>
        <source>B:</source>
        <comment>scenario B</comment>
        <translation>B:</translation>
    </message>
    <message>
        <source>Within:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <source>Comparing {b} with {a}…</source>
        <extracomment>The scenarios on the map, ``&quot;side&quot;`` or ``&quot;difference&quot;``, or None. Which of A and B is the baseline (its name is said in the language of the moment).</extracomment>
        <translation>Comparando {b} con {a}…</translation>
    </message>
    <message>
        <source>Not applied: {edits}</source>
        <translation>No aplicado: {edits}</translation>
    </message>
    <message>
        <source>Scenario</source>
        <extracomment>Column headers of the comparison table (the others are per threshold).</extracomment>
        <translation>Escenario</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message numerus="yes">
        <source>%n new hubs</source>
        <translation>
            <numerusform>%n laboratorio de referencia nuevo</numerusform>
            <numerusform>%n laboratorios de referencia nuevos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n upgrades</source>
        <translation>
            <numerusform>%n mejora</numerusform>
            <numerusform>%n mejoras</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n labs closed</source>
        <translation>
            <numerusform>%n laboratorio cerrado</numerusform>
            <numerusform>%n laboratorios cerrados</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. Two PCR hubs in the east</source>
        <translation>p. ej. Dos laboratorios de PCR en el este</translation>
    </message>
    <message>
        <source>Name of the new scenario</source>
        <translation>Nombre del nuevo escenario</translation>
    </message>
    <message>
        <source>What it proposes, for the report (optional)</source>
        <translation>Lo que propone, para el informe (opcional)</translation>
    </message>
    <message>
        <source>What the scenario proposes, shown in the report (optional)</source>
        <translation>Lo que propone el escenario, mostrado en el informe (opcional)</translation>
    </message>
    <message>
        <source>Save current what-if</source>
        <translation>Guardar la simulación actual</translation>
    </message>
    <message>
        <source>Keep the candidate hubs, upgrades and settings under this name</source>
        <translation>Guardar los laboratorios de referencia candidatos, las mejoras y la configuración con este nombre</translation>
    </message>
    <message>
        <source>Saved scenarios: select one or more to apply, delete or compare</source>
        <translation>Escenarios guardados: seleccione uno o más para aplicar, eliminar o comparar</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Show the selected scenario on the map (undoable)</source>
        <translation>Mostrar el escenario seleccionado en el mapa (se puede deshacer)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete the selected scenarios from the project</source>
        <translation>Eliminar del proyecto los escenarios seleccionados</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>Coverage of the selected scenarios (all when none is selected) side by side</source>
        <translation>Cobertura de los escenarios seleccionados (todos si no hay ninguno seleccionado) lado a lado</translation>
    </message>
    <message>
        <source>Whole-area coverage per scenario and threshold, and the change</source>
        <extracomment>Writes the message line (again when the language changes).</extracomment>
        <translation>Cobertura de toda la zona por escenario y umbral, y el cambio</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Two scenarios on the map: side by side, or a difference map.</extracomment>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Saved scenario “{name}”: {summary}.</source>
        <translation>Escenario «{name}» guardado: {summary}.</translation>
    </message>
    <message>
        <source>Applied “{name}”: Ctrl+Z goes back.</source>
        <translation>Se aplicó «{name}»: Ctrl+Z vuelve atrás.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n scenarios.</source>
        <translation>
            <numerusform>Se eliminó %n escenario.</numerusform>
            <numerusform>Se eliminaron %n escenarios.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n scenarios…</source>
        <translation>
            <numerusform>Comparando %n escenario…</numerusform>
            <numerusform>Comparando %n escenarios…</numerusform>
        </translation>
    </message>
    <message>
        <source>Comparing scenarios…</source>
        <translation>Comparando escenarios…</translation>
    </message>
    <message numerus="yes">
        <source>Compared %n scenarios with their baseline.</source>
        <translation>
            <numerusform>Se comparó %n escenario con su situación actual.</numerusform>
            <numerusform>Se compararon %n escenarios con su situación actual.</numerusform>
        </translation>
    </message>
    <message>
        <source>{gain} people</source>
        <translation>{gain} personas</translation>
    </message>
    <message>
        <source>Skipped: {edits}</source>
        <translation>Omitido: {edits}</translation>
    </message>
    <message>
        <source>Most people covered (MCLP)</source>
        <extracomment>The siting models (English, marked for `tr`).</extracomment>
        <translation>Más personas cubiertas (MCLP)</translation>
    </message>
    <message>
        <source>Least travel time (p-median)</source>
        <translation>Menor tiempo de viaje (p-mediana)</translation>
    </message>
    <message>
        <source>Fewest hubs for a target share (LSCP)</source>
        <translation>Menos laboratorios para una meta (LSCP)</translation>
    </message>
    <message>
        <source>most people covered</source>
        <extracomment>The goal of each model inside a name (``&quot;3 new PCR hubs (most people covered)&quot;``).</extracomment>
        <translation>más personas cubiertas</translation>
    </message>
    <message>
        <source>least travel time</source>
        <translation>menor tiempo de viaje</translation>
    </message>
    <message>
        <source>fewest hubs for a target share</source>
        <translation>menos laboratorios para una meta</translation>
    </message>
    <message>
        <source>Choose N new hubs that bring the most people within the time limit</source>
        <translation>Elegir N nuevos laboratorios de referencia que dejen a más personas dentro del límite de tiempo</translation>
    </message>
    <message>
        <source>Choose N new hubs that cut the population-weighted travel time the most</source>
        <translation>Elegir N nuevos laboratorios de referencia que más reduzcan el tiempo de viaje ponderado por la población</translation>
    </message>
    <message>
        <source>Choose the fewest new hubs that bring the target share within the time limit</source>
        <translation>Elegir el menor número de nuevos laboratorios de referencia que deje la proporción meta dentro del límite de tiempo</translation>
    </message>
    <message>
        <source>upgrade</source>
        <translation>mejora</translation>
    </message>
    <message>
        <source>new site (grid)</source>
        <translation>sitio nuevo (cuadrícula)</translation>
    </message>
    <message>
        <source>new site (placed)</source>
        <translation>sitio nuevo (ubicado)</translation>
    </message>
    <message>
        <source>people</source>
        <extracomment>The units a siting counts its gains in (``weight_unit`` of its settings).</extracomment>
        <translation>personas</translation>
    </message>
    <message>
        <source>tests per year</source>
        <translation>pruebas al año</translation>
    </message>
    <message>
        <source>exact MILP (HiGHS)</source>
        <translation>MILP exacto (HiGHS)</translation>
    </message>
    <message>
        <source>lazy greedy with a bound</source>
        <translation>voraz perezoso con cota</translation>
    </message>
    <message>
        <source>proven optimal</source>
        <translation>óptimo demostrado</translation>
    </message>
    <message>
        <source>stopped at the time limit</source>
        <translation>detenido en el límite de tiempo</translation>
    </message>
    <message>
        <source>heuristic</source>
        <translation>heurístico</translation>
    </message>
    <message>
        <source>What it adds</source>
        <translation>Lo que aporta</translation>
    </message>
    <message>
        <source>Share after</source>
        <translation>Proporción después</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sitio</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Covered before</source>
        <translation>Cubiertas antes</translation>
    </message>
    <message>
        <source>Covered after</source>
        <translation>Cubiertas después</translation>
    </message>
    <message>
        <source>Gained</source>
        <translation>Ganadas</translation>
    </message>
    <message>
        <source>a scenario needs a name, such as &apos;Three new PCR hubs&apos;</source>
        <translation>un escenario necesita un nombre, como «Tres nuevos laboratorios de PCR»</translation>
    </message>
    <message>
        <source>the proposal has no hub (the existing labs already meet the target): nothing to add</source>
        <translation>la propuesta no tiene ningún laboratorio de referencia (los laboratorios existentes ya cumplen la meta): no hay nada que agregar</translation>
    </message>
    <message>
        <source>proposed hub {rank} ({name}) has no position; run the siting again</source>
        <translation>el laboratorio de referencia propuesto {rank} ({name}) no tiene ubicación; vuelva a ejecutar la localización</translation>
    </message>
    <message>
        <source>Proposed hub {rank}</source>
        <translation>Laboratorio propuesto {rank}</translation>
    </message>
    <message>
        <source>{model}: {hubs}</source>
        <translation>{model}: {hubs}</translation>
    </message>
    <message>
        <source>cuts the mean trip by {minutes} min</source>
        <translation>reduce el viaje medio en {minutes} min</translation>
    </message>
    <message>
        <source>adds {gain} {unit} within {minutes}</source>
        <translation>suma {gain} {unit} a {minutes} o menos</translation>
    </message>
    <message>
        <source>, within {percent} % of the optimum</source>
        <translation>, a menos del {percent} % del óptimo</translation>
    </message>
    <message>
        <source>Solver: {method}, {status}{gap}; {seconds} s (+ {build} s for the travel times)</source>
        <translation>Solucionador: {method}, {status}{gap}; {seconds} s (+ {build} s para los tiempos de viaje)</translation>
    </message>
    <message>
        <source>Test, lab quality and travel mode come from the Analysis panel; the labs of the live what-if stay open and count (its hubs too, unless they are the candidates)</source>
        <translation>La prueba, la calidad del laboratorio y el modo de transporte vienen del panel Análisis; los laboratorios de la simulación en curso siguen abiertos y cuentan (también sus laboratorios de referencia, salvo que sean los candidatos)</translation>
    </message>
    <message>
        <source>What the new hubs should achieve</source>
        <translation>Lo que deben lograr los nuevos laboratorios de referencia</translation>
    </message>
    <message>
        <source>Number of new hubs to choose (most people / least travel time)</source>
        <translation>Número de nuevos laboratorios de referencia a elegir (más personas / menor tiempo de viaje)</translation>
    </message>
    <message>
        <source>A person is covered within this travel time (inclusive)</source>
        <translation>Una persona está cubierta dentro de este tiempo de viaje (inclusive)</translation>
    </message>
    <message>
        <source>Share of all people to bring within the time (fewest hubs)</source>
        <translation>Proporción de toda la población que debe quedar dentro del tiempo (menos laboratorios)</translation>
    </message>
    <message>
        <source>Upgrade existing facilities</source>
        <translation>Mejorar establecimientos existentes</translation>
    </message>
    <message>
        <source>Facilities that cannot do the test yet may be upgraded</source>
        <translation>Los establecimientos que aún no hacen la prueba pueden mejorarse</translation>
    </message>
    <message>
        <source>New sites on a grid over underserved areas</source>
        <translation>Sitios nuevos en una cuadrícula sobre las zonas desatendidas</translation>
    </message>
    <message>
        <source>Candidate sites every so many metres where people live beyond the time limit</source>
        <translation>Sitios candidatos cada tantos metros donde la población vive más allá del límite de tiempo</translation>
    </message>
    <message>
        <source>Distance between grid sites, metres</source>
        <translation>Distancia entre los sitios de la cuadrícula, en metros</translation>
    </message>
    <message>
        <source>Points placed on the map</source>
        <translation>Puntos colocados en el mapa</translation>
    </message>
    <message>
        <source>The candidate hubs placed with Analysis ▸ Place hub (H) are candidates too (not open labs the siting starts from)</source>
        <translation>Los laboratorios de referencia candidatos ubicados con Análisis ▸ Ubicar laboratorio de referencia (H) también son candidatos (no laboratorios abiertos de los que parte la localización)</translation>
    </message>
    <message>
        <source>Site hubs</source>
        <translation>Ubicar laboratorios</translation>
    </message>
    <message>
        <source>Choose new hubs with these settings (F7)</source>
        <translation>Elegir nuevos laboratorios de referencia con esta configuración (F7)</translation>
    </message>
    <message>
        <source>No proposal yet.</source>
        <translation>Todavía no hay propuesta.</translation>
    </message>
    <message>
        <source>The proposed hubs in rank order: click one to show it on the map</source>
        <translation>Los laboratorios de referencia propuestos por orden: haga clic en uno para verlo en el mapa</translation>
    </message>
    <message>
        <source>Share of people within the limit with 0 (today) to 10 new hubs, each the best set of that size</source>
        <translation>Proporción de personas dentro del límite con 0 (hoy) a 10 nuevos laboratorios de referencia, cada uno el mejor conjunto de ese tamaño</translation>
    </message>
    <message>
        <source>People within the limit by district, before and after the proposal</source>
        <translation>Personas dentro del límite por distrito, antes y después de la propuesta</translation>
    </message>
    <message>
        <source>Name of the scenario</source>
        <translation>Nombre del escenario</translation>
    </message>
    <message>
        <source>The scenario is kept under this name in the project</source>
        <translation>El escenario se guarda con este nombre en el proyecto</translation>
    </message>
    <message>
        <source>Make a scenario of this proposal</source>
        <translation>Crear un escenario con esta propuesta</translation>
    </message>
    <message>
        <source>Put the proposed hubs on the map as what-if edits (replacing the current ones; Ctrl+Z takes them back) and keep them as a named scenario</source>
        <translation>Poner los laboratorios de referencia propuestos en el mapa como cambios de la simulación (en lugar de los actuales; Ctrl+Z los retira) y guardarlos como un escenario con nombre</translation>
    </message>
    <message>
        <source>hubs within</source>
        <extracomment>Writes the line under &quot;Make a scenario&quot; (again when the language changes).</extracomment>
        <translation>laboratorios a</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>New</source>
        <comment>new hubs</comment>
        <translation>Nuevos</translation>
    </message>
    <message>
        <source>Target share</source>
        <translation>Proporción meta</translation>
    </message>
    <message>
        <source>Candidate sites</source>
        <translation>Sitios candidatos</translation>
    </message>
    <message>
        <source>every</source>
        <comment>grid spacing</comment>
        <translation>cada</translation>
    </message>
    <message>
        <source>Ranked hubs</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <source>Coverage curve</source>
        <translation>Curva</translation>
    </message>
    <message>
        <source>The proposed hubs in rank order, and Make a scenario</source>
        <translation>Los laboratorios de referencia propuestos por orden, y Crear un escenario</translation>
    </message>
    <message>
        <source>Share of people covered with 0 to 10 new hubs</source>
        <translation>Proporción de personas cubiertas con 0 a 10 nuevos laboratorios de referencia</translation>
    </message>
    <message>
        <source>People within the limit by district, before and after</source>
        <translation>Personas dentro del límite por distrito, antes y después</translation>
    </message>
    <message>
        <source>Points placed on the map ({count})</source>
        <translation>Puntos colocados en el mapa ({count})</translation>
    </message>
    <message>
        <source>no candidate sites chosen: tick &apos;upgrade existing facilities&apos;, &apos;grid over underserved areas&apos; or &apos;points placed on the map&apos;</source>
        <translation>no se eligió ningún sitio candidato: marque «Mejorar establecimientos existentes», «Sitios nuevos en una cuadrícula» o «Puntos colocados en el mapa»</translation>
    </message>
    <message>
        <source>Cancelled: the proposal shown (if any) is the previous one.</source>
        <translation>Cancelado: la propuesta mostrada (si la hay) es la anterior.</translation>
    </message>
    <message>
        <source>Done in {seconds} s{edits}.</source>
        <translation>Listo en {seconds} s{edits}.</translation>
    </message>
    <message numerus="yes">
        <source>%n new {test} hubs ({goal})</source>
        <translation>
            <numerusform>%n nuevo laboratorio de {test} ({goal})</numerusform>
            <numerusform>%n nuevos laboratorios de {test} ({goal})</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message numerus="yes">
        <source>%n hubs ★</source>
        <comment>the proposal&apos;s number of hubs</comment>
        <translation>
            <numerusform>%n laboratorio ★</numerusform>
            <numerusform>%n laboratorios ★</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hubs</source>
        <translation>
            <numerusform>%n laboratorio</numerusform>
            <numerusform>%n laboratorios</numerusform>
        </translation>
    </message>
    <message>
        <source>Share within {minutes} with 0 to {count} new hubs (★ = proposal)</source>
        <translation>Proporción a {minutes} o menos con 0 a {count} nuevos laboratorios (★ = propuesta)</translation>
    </message>
    <message>
        <source>Scenario “{name}” saved: {sites} and {upgrades} are on the map as what-if edits (Ctrl+Z takes them back).</source>
        <translation>Escenario «{name}» guardado: {sites} y {upgrades} están en el mapa como cambios de la simulación (Ctrl+Z los retira).</translation>
    </message>
    <message numerus="yes">
        <source>%n new sites</source>
        <translation>
            <numerusform>%n sitio nuevo</numerusform>
            <numerusform>%n sitios nuevos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new {test} hubs cut the mean trip from {before} to {after} min</source>
        <translation>
            <numerusform>%n nuevo laboratorio de {test} reduce el viaje medio de {before} a {after} min</numerusform>
            <numerusform>%n nuevos laboratorios de {test} reducen el viaje medio de {before} a {after} min</numerusform>
        </translation>
    </message>
    <message>
        <source>No new {test} hub is needed: the target is met already</source>
        <translation>No hace falta ningún nuevo laboratorio de {test}: la meta ya se cumple</translation>
    </message>
    <message numerus="yes">
        <source>%n new {test} hubs bring +{people} people within {minutes} ({before} → {after})</source>
        <translation>
            <numerusform>%n nuevo laboratorio de {test} deja +{people} personas a {minutes} o menos ({before} → {after})</numerusform>
            <numerusform>%n nuevos laboratorios de {test} dejan +{people} personas a {minutes} o menos ({before} → {after})</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop the run under way</source>
        <translation>Detener la ejecución en curso</translation>
    </message>
    <message>
        <source>⚠ From the saved project: made {when}, and the data changed since. Run again for a plan of the data as it is now.</source>
        <translation>⚠ Del proyecto guardado: hecho el {when}, y los datos cambiaron desde entonces. Vuelva a ejecutar para obtener un plan con los datos actuales.</translation>
    </message>
    <message>
        <source>Made {when}, saved with the project.</source>
        <translation>Hecho el {when}, guardado con el proyecto.</translation>
    </message>
    <message>
        <source>{name} is open in another ccgeo window ({holder}): opened read-only; File ▸ Save As saves a copy under another name</source>
        <extracomment>The project file this window holds the lock of (None: none).</extracomment>
        <translation>{name} está abierto en otra ventana de ccgeo ({holder}): abierto en solo lectura; Archivo ▸ Guardar como guarda una copia con otro nombre</translation>
    </message>
    <message>
        <source>Settings files (*.toml);;All files (*)</source>
        <translation>Archivos de configuración (*.toml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Settings loaded from {name}</source>
        <translation>Configuración cargada desde {name}</translation>
    </message>
    <message>
        <source>Load analysis settings</source>
        <translation>Cargar la configuración del análisis</translation>
    </message>
    <message>
        <source>The settings were not loaded</source>
        <translation>No se cargó la configuración</translation>
    </message>
    <message>
        <source>Save analysis settings</source>
        <translation>Guardar la configuración del análisis</translation>
    </message>
    <message>
        <source>The settings were not saved</source>
        <translation>No se guardó la configuración</translation>
    </message>
    <message>
        <source>Settings saved to {name}</source>
        <translation>Configuración guardada en {name}</translation>
    </message>
    <message>
        <source>&amp;Load settings…</source>
        <translation>&amp;Cargar configuración…</translation>
    </message>
    <message>
        <source>Use the settings of a file (TOML, as `ccgeo --settings` reads) for every analysis</source>
        <translation>Usar en todos los análisis la configuración de un archivo (TOML, como el que lee `ccgeo --settings`)</translation>
    </message>
    <message>
        <source>Sa&amp;ve settings…</source>
        <translation>Guardar con&amp;figuración…</translation>
    </message>
    <message>
        <source>Write the settings shown in the panels to a file that `ccgeo ... --settings FILE` reads</source>
        <translation>Escribir la configuración que muestran los paneles en un archivo que lee `ccgeo ... --settings FILE`</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <extracomment>Key of ``Project.settings`` holding the view. Version of the view dict, and of the `QMainWindow.saveState` layout in it. Height of a window&apos;s title bar and frame, pixels, kept free when a window is sized. The panels as ccgeo places them: what Reset layout goes back to.</extracomment>
        <translation>Res&amp;tablecer disposición</translation>
    </message>
    <message>
        <source>Put every panel back where ccgeo first placed it, docked</source>
        <translation>Devolver cada panel, acoplado, al lugar donde ccgeo lo puso al principio</translation>
    </message>
    <message>
        <source>Add {hub}</source>
        <extracomment>Name of the tool in `MapCanvas.set_tool`. A press and release closer than this is a click, not a drag, screen pixels. A facility or hub this close to the cursor is under it, screen pixels.</extracomment>
        <translation>Agregar {hub}</translation>
    </message>
    <message>
        <source>Move {hub}</source>
        <translation>Mover {hub}</translation>
    </message>
    <message>
        <source>Remove {hub}</source>
        <translation>Quitar {hub}</translation>
    </message>
    <message>
        <source>Remove the {test} upgrade of {facility}</source>
        <translation>Quitar la mejora a {test} de {facility}</translation>
    </message>
    <message>
        <source>Close {test} lab {facility}</source>
        <translation>Cerrar el laboratorio de {test} {facility}</translation>
    </message>
    <message>
        <source>Reopen {test} lab {facility}</source>
        <translation>Reabrir el laboratorio de {test} {facility}</translation>
    </message>
    <message>
        <source>Upgrade {facility} to {test}</source>
        <translation>Mejorar {facility} para {test}</translation>
    </message>
    <message>
        <source>Apply scenario {name}</source>
        <translation>Aplicar el escenario {name}</translation>
    </message>
    <message>
        <source>Take this candidate hub away (undo with Ctrl+Z)</source>
        <translation>Quitar este laboratorio de referencia candidato (deshacer con Ctrl+Z)</translation>
    </message>
    <message>
        <source>What if this lab stopped doing {test} tests? (undo with Ctrl+Z)</source>
        <translation>¿Y si este laboratorio dejara de hacer pruebas de {test}? (deshacer con Ctrl+Z)</translation>
    </message>
    <message>
        <source>What if this facility could do {test} tests? (undo with Ctrl+Z)</source>
        <translation>¿Y si este establecimiento pudiera hacer pruebas de {test}? (deshacer con Ctrl+Z)</translation>
    </message>
    <message>
        <source>Place a candidate hub here</source>
        <translation>Ubicar aquí un laboratorio de referencia candidato</translation>
    </message>
    <message>
        <source>Open a new {test} lab at this point</source>
        <translation>Abrir un nuevo laboratorio de {test} en este punto</translation>
    </message>
    <message>
        <source>road points tried per person</source>
        <translation>puntos de la vía probados por persona</translation>
    </message>
    <message>
        <source>threshold (min)</source>
        <translation>umbral (min)</translation>
    </message>
    <message>
        <source>time limit (min)</source>
        <translation>tiempo límite (min)</translation>
    </message>
    <message>
        <source>grid spacing (m)</source>
        <translation>separación de la cuadrícula (m)</translation>
    </message>
    <message>
        <source>facilities never to propose</source>
        <translation>establecimientos que nunca se proponen</translation>
    </message>
    <message>
        <source>solver</source>
        <translation>solucionador</translation>
    </message>
    <message>
        <source>solver time limit (s)</source>
        <translation>tiempo límite del solucionador (s)</translation>
    </message>
    <message>
        <source>labs&apos; capacity limit</source>
        <translation>límite de capacidad de los laboratorios</translation>
    </message>
    <message>
        <source>capacity of a new hub (tests a year)</source>
        <translation>capacidad de un nuevo laboratorio de referencia (pruebas al año)</translation>
    </message>
    <message>
        <source>minutes counted for people out of reach</source>
        <translation>minutos contados para las personas fuera de alcance</translation>
    </message>
    <message>
        <source>time counted for people out of reach</source>
        <translation>tiempo contado para las personas fuera de alcance</translation>
    </message>
    <message>
        <source>hubs in the coverage curve</source>
        <translation>laboratorios de referencia en la curva de cobertura</translation>
    </message>
    <message>
        <source>E2SFCA bands (min)</source>
        <translation>Bandas E2SFCA (min)</translation>
    </message>
    <message>
        <source>E2SFCA weights</source>
        <translation>Pesos E2SFCA</translation>
    </message>
    <message>
        <source>unit of need</source>
        <translation>unidad de la demanda</translation>
    </message>
    <message>
        <source>demand parameter file</source>
        <translation>archivo de parámetros de demanda</translation>
    </message>
    <message>
        <source>tests per person a year</source>
        <translation>pruebas por persona al año</translation>
    </message>
    <message>
        <source>share eligible for the test</source>
        <translation>proporción elegible para la prueba</translation>
    </message>
    <message>
        <source>referral parameter file</source>
        <translation>archivo de parámetros de derivación</translation>
    </message>
    <message>
        <source>couriers&apos; travel mode</source>
        <translation>modo de transporte de los mensajeros</translation>
    </message>
    <message>
        <source>Couriers per hub</source>
        <translation>Mensajeros por laboratorio de referencia</translation>
    </message>
    <message>
        <source>Shift start</source>
        <translation>Inicio del turno</translation>
    </message>
    <message>
        <source>Shift end</source>
        <translation>Fin del turno</translation>
    </message>
    <message>
        <source>biopsy sites (spokes)</source>
        <translation>sitios de biopsia (establecimientos remitentes)</translation>
    </message>
    <message>
        <source>tests a year of each biopsy site</source>
        <translation>pruebas al año de cada sitio de biopsia</translation>
    </message>
    <message>
        <source>biopsy sites&apos; hubs</source>
        <translation>laboratorios de referencia de los sitios de biopsia</translation>
    </message>
    <message>
        <source>speed of roads with no stated speed (km/h)</source>
        <translation>velocidad de las vías sin velocidad indicada (km/h)</translation>
    </message>
    <message>
        <source>top speed (km/h)</source>
        <translation>velocidad máxima (km/h)</translation>
    </message>
    <message>
        <source>factor of unpaved roads</source>
        <translation>factor de las vías sin pavimentar</translation>
    </message>
    <message>
        <source>one-way streets rule</source>
        <translation>regla de calles de sentido único</translation>
    </message>
    <message>
        <source>speed-limit rule</source>
        <translation>regla del límite de velocidad</translation>
    </message>
    <message>
        <source>capacity (tests a year)</source>
        <translation>capacidad (pruebas al año)</translation>
    </message>
    <message>
        <source>facility id</source>
        <translation>ID del establecimiento</translation>
    </message>
    <message>
        <source>quality assessment (EQA)</source>
        <translation>control de calidad externo (EQA)</translation>
    </message>
    <message>
        <source>Analysis settings</source>
        <extracomment>The analysis a settings message is about, by the name the settings object gives it (in English; the same name translated by gettext is found too).</extracomment>
        <translation>Configuración del análisis</translation>
    </message>
    <message>
        <source>Site new hubs settings</source>
        <translation>Configuración de Ubicar nuevos laboratorios de referencia</translation>
    </message>
    <message>
        <source>Lab capacity settings</source>
        <translation>Configuración de Capacidad de los laboratorios</translation>
    </message>
    <message>
        <source>Sample referral settings</source>
        <translation>Configuración de Derivación de muestras</translation>
    </message>
    <message>
        <source>Courier settings</source>
        <translation>Configuración de los mensajeros</translation>
    </message>
    <message>
        <source>“{label}”</source>
        <extracomment>A name in backticks, as the core words its messages: `` `max_snap_m` ``. A snake_case word standing alone: not inside a file path or a file name, and not in quotes (a quoted value is the user&apos;s own, such as a column of their spreadsheet), English or French ones (« valeur », with a space or a no-break space inside) included. A message about a file the planner wrote (a settings, speed or parameter file) starts with the file&apos;s path: there a setting keeps the key the file spells it with, so it can be found.</extracomment>
        <translation>«{label}»</translation>
    </message>
    <message>
        <source>{label} (&apos;{name}&apos; in the file)</source>
        <translation>{label} (&apos;{name}&apos; en el archivo)</translation>
    </message>
    <message>
        <source>facility_id</source>
        <comment>column</comment>
        <translation>ID establecimiento</translation>
    </message>
    <message>
        <source>name</source>
        <comment>column</comment>
        <translation>nombre</translation>
    </message>
    <message>
        <source>biopsy</source>
        <comment>column</comment>
        <translation>biopsia</translation>
    </message>
    <message>
        <source>cytology</source>
        <comment>column</comment>
        <translation>citología</translation>
    </message>
    <message>
        <source>histology</source>
        <comment>column</comment>
        <translation>histología</translation>
    </message>
    <message>
        <source>ihc</source>
        <comment>column</comment>
        <translation>IHQ</translation>
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
        <translation>citometría</translation>
    </message>
    <message>
        <source>eqa</source>
        <comment>column</comment>
        <translation>EQA</translation>
    </message>
    <message>
        <source>accreditation</source>
        <comment>column</comment>
        <translation>acreditación</translation>
    </message>
    <message>
        <source>capacity_tests_per_year</source>
        <comment>column</comment>
        <translation>capacidad (pruebas/año)</translation>
    </message>
    <message>
        <source>ownership</source>
        <comment>column</comment>
        <translation>titularidad</translation>
    </message>
    <message>
        <source>review</source>
        <comment>column</comment>
        <translation>revisar</translation>
    </message>
    <message>
        <source>district_id</source>
        <comment>column</comment>
        <translation>ID distrito</translation>
    </message>
    <message>
        <source>population</source>
        <comment>column</comment>
        <translation>población</translation>
    </message>
    <message>
        <source>area_km2</source>
        <comment>column</comment>
        <translation>superficie (km²)</translation>
    </message>
    <message>
        <source>row</source>
        <comment>column</comment>
        <translation>fila</translation>
    </message>
    <message>
        <source>severity</source>
        <comment>column</comment>
        <translation>gravedad</translation>
    </message>
    <message>
        <source>column</source>
        <comment>column</comment>
        <translation>columna</translation>
    </message>
    <message>
        <source>value</source>
        <comment>column</comment>
        <translation>valor</translation>
    </message>
    <message>
        <source>problem</source>
        <comment>column</comment>
        <translation>problema</translation>
    </message>
    <message>
        <source>fix</source>
        <comment>column</comment>
        <translation>solución</translation>
    </message>
    <message>
        <source>capacity (tests/year)</source>
        <comment>column</comment>
        <translation>capacidad (pruebas/año)</translation>
    </message>
    <message>
        <source>flagged for review</source>
        <comment>column</comment>
        <translation>marcado para revisión</translation>
    </message>
    <message>
        <source>longitude</source>
        <comment>column</comment>
        <translation>longitud</translation>
    </message>
    <message>
        <source>latitude</source>
        <comment>column</comment>
        <translation>latitud</translation>
    </message>
    <message>
        <source>class</source>
        <comment>column</comment>
        <translation>clase</translation>
    </message>
    <message>
        <source>maxspeed</source>
        <comment>column</comment>
        <translation>velocidad máxima</translation>
    </message>
    <message>
        <source>oneway</source>
        <comment>column</comment>
        <translation>sentido único</translation>
    </message>
    <message>
        <source>length</source>
        <comment>column</comment>
        <translation>largo del tramo</translation>
    </message>
    <message>
        <source>surface</source>
        <comment>column</comment>
        <translation>superficie</translation>
    </message>
    <message>
        <source>OSM way</source>
        <comment>column</comment>
        <translation>vía OSM</translation>
    </message>
    <message>
        <source>none</source>
        <comment>EQA level</comment>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>national</source>
        <comment>EQA level</comment>
        <translation>nacional</translation>
    </message>
    <message>
        <source>international</source>
        <comment>EQA level</comment>
        <translation>internacional</translation>
    </message>
    <message>
        <source>none</source>
        <comment>accreditation</comment>
        <translation>ninguna</translation>
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
        <translation>otra</translation>
    </message>
    <message>
        <source>public</source>
        <comment>ownership</comment>
        <translation>público</translation>
    </message>
    <message>
        <source>private</source>
        <comment>ownership</comment>
        <translation>privado</translation>
    </message>
    <message>
        <source>faith_based</source>
        <comment>ownership</comment>
        <translation>confesional</translation>
    </message>
    <message>
        <source>ngo</source>
        <comment>ownership</comment>
        <translation>ONG</translation>
    </message>
    <message>
        <source>military</source>
        <comment>ownership</comment>
        <translation>militar</translation>
    </message>
    <message>
        <source>other</source>
        <comment>ownership</comment>
        <translation>otro</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>ownership</comment>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>doubtful</source>
        <comment>import issue</comment>
        <translation>dudosa</translation>
    </message>
    <message>
        <source>rejected</source>
        <comment>import issue</comment>
        <translation>rechazada</translation>
    </message>
    <message>
        <source>warning</source>
        <comment>import issue</comment>
        <translation>aviso</translation>
    </message>
    <message>
        <source>fixed</source>
        <comment>import issue</comment>
        <translation>corregida</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {error}

This is a bug in ccgeo, not a problem with your data. The details were written to the log.</source>
        <extracomment>Shown for errors that are bugs rather than bad input; the traceback goes to the log.</extracomment>
        <translation>Se produjo un error inesperado: {error}

Es un fallo de ccgeo, no un problema de sus datos. Los detalles se escribieron en el registro.</translation>
    </message>
    <message>
        <source>{stage} · about {time} left</source>
        <extracomment>The pace of the function&apos;s progress, fed in its own thread (`time_left_text`).</extracomment>
        <translation>{stage} · quedan unos {time}</translation>
    </message>
    <message>
        <source>Writing the table, page and PDF…</source>
        <extracomment>What the run logs of the app&apos;s progress say ran. Share of the progress bar for the indicators (the rest: writing the outputs).</extracomment>
        <translation>Escribiendo la tabla, la página y el PDF…</translation>
    </message>
    <message>
        <source>Open the Progress Page</source>
        <translation>Abrir la página de progreso</translation>
    </message>
    <message>
        <source>Open progress.html of the output folder in the web browser (works offline)</source>
        <translation>Abrir progress.html de la carpeta de salida en el navegador (funciona sin conexión)</translation>
    </message>
    <message>
        <source>The city&apos;s indicators before and after, the change, and the levels (1-5) on the draft scale of resources/readiness.toml</source>
        <translation>Los indicadores de la ciudad antes y después, el cambio y los niveles (1-5) en la escala provisional de resources/readiness.toml</translation>
    </message>
    <message>
        <source>Choose two versions of a city&apos;s project with File ▸ Progress Over Time….</source>
        <translation>Elija dos versiones del proyecto de una ciudad con Archivo ▸ Progreso en el tiempo….</translation>
    </message>
    <message>
        <source>{before} → {after}; table, page and PDF in {folder}</source>
        <translation>{before} → {after}; tabla, página y PDF en {folder}</translation>
    </message>
    <message>
        <source>Progress Over Time</source>
        <translation>Progreso en el tiempo</translation>
    </message>
    <message>
        <source>Two versions of one city&apos;s project: the baseline, and the same city after new hubs or a new courier route.</source>
        <translation>Dos versiones del proyecto de una ciudad: la línea de base y la misma ciudad tras nuevos centros o una nueva ruta de mensajería.</translation>
    </message>
    <message>
        <source>The baseline project (.ccgeo)</source>
        <translation>El proyecto de línea de base (.ccgeo)</translation>
    </message>
    <message>
        <source>The later project (.ccgeo)</source>
        <translation>El proyecto posterior (.ccgeo)</translation>
    </message>
    <message>
        <source>progress.csv and .xlsx, progress.html, progress.pdf and the run logs go here</source>
        <translation>progress.csv y .xlsx, progress.html, progress.pdf y los registros de ejecución van aquí</translation>
    </message>
    <message>
        <source>Compare Versions</source>
        <translation>Comparar versiones</translation>
    </message>
    <message>
        <source>Compute both versions in the background and show what changed</source>
        <translation>Calcular ambas versiones en segundo plano y mostrar qué cambió</translation>
    </message>
    <message>
        <source>Close without comparing</source>
        <translation>Cerrar sin comparar</translation>
    </message>
    <message>
        <source>Baseline:</source>
        <translation>Línea de base:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Después:</translation>
    </message>
    <message>
        <source>The baseline project of the city</source>
        <translation>El proyecto de línea de base de la ciudad</translation>
    </message>
    <message>
        <source>The later project of the city</source>
        <translation>El proyecto posterior de la ciudad</translation>
    </message>
    <message>
        <source>Folder for the outputs of the progress</source>
        <translation>Carpeta para los resultados del progreso</translation>
    </message>
    <message>
        <source>Comparing the two versions of the city…</source>
        <translation>Comparando las dos versiones de la ciudad…</translation>
    </message>
    <message>
        <source>Progress over time cancelled</source>
        <translation>Progreso en el tiempo cancelado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Progress Over &amp;Time…</source>
        <translation>Progreso en el &amp;tiempo…</translation>
    </message>
    <message>
        <source>Compare two versions of a city&apos;s project (a baseline, then after new hubs or a new courier route): what changed, for whom and by how much, with a page and a PDF</source>
        <translation>Comparar dos versiones del proyecto de una ciudad (una línea de base y luego tras nuevos centros o una nueva ruta de mensajería): qué cambió, para quién y cuánto, con una página y un PDF</translation>
    </message>
</context>
</TS>
