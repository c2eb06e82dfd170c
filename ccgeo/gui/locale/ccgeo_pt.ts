<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name></name>
    <message>
        <source>ccgeo desktop app: where people can and cannot reach cancer diagnostic labs.</source>
        <extracomment>Window size of ``--screenshot`` renders, pixels: the workshop laptop (``--size`` changes it).</extracomment>
        <translation>Aplicativo de desktop ccgeo: onde a população consegue e não consegue chegar aos laboratórios de diagnóstico de câncer.</translation>
    </message>
    <message>
        <source>a .ccgeo project file to open (default: the last project opened, or the synthetic demo city on first start; with --screenshot: the demo city)</source>
        <translation>um arquivo de projeto .ccgeo para abrir (padrão: o último projeto aberto, ou a cidade de demonstração sintética na primeira execução; com --screenshot: a cidade de demonstração)</translation>
    </message>
    <message>
        <source>render the window to OUT.png once the project is loaded and its analysis run, then exit</source>
        <translation>salvar a janela em OUT.png depois que o projeto for carregado e sua análise executada, e sair</translation>
    </message>
    <message>
        <source>with --screenshot: show the project as loaded, without running the analysis</source>
        <translation>com --screenshot: mostrar o projeto como foi carregado, sem executar a análise</translation>
    </message>
    <message>
        <source>with --screenshot: the window size in pixels (default: 1366x768, a workshop laptop)</source>
        <translation>com --screenshot: o tamanho da janela em pixels (padrão: 1366x768, um notebook de oficina)</translation>
    </message>
    <message>
        <source>with --screenshot: show the facility import wizard&apos;s validation of FILE</source>
        <translation>com --screenshot: mostrar a validação de FILE no assistente de importação de estabelecimentos</translation>
    </message>
    <message>
        <source>the language of the app: {languages} (default: the one chosen in Edit ▸ Preferences, else the system&apos;s)</source>
        <translation>o idioma do aplicativo: {languages} (padrão: o escolhido em Editar ▸ Preferências; senão, o do sistema)</translation>
    </message>
    <message>
        <source>the size should be WIDTHxHEIGHT in pixels, such as 1366x768; got {text}</source>
        <translation>o tamanho deve ser LARGURAxALTURA em pixels, como 1366x768; recebido: {text}</translation>
    </message>
    <message>
        <source>the size {text} is out of range (320x240 to 8000x8000 pixels)</source>
        <translation>o tamanho {text} está fora do intervalo (de 320x240 a 8000x8000 pixels)</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <extracomment>References to ``None`` added by `guard_none_refcount` (never reached by real use: 2^40).</extracomment>
        <translation>Erro inesperado</translation>
    </message>
    <message>
        <source>ccgeo: could not write the screenshot {path}</source>
        <translation>ccgeo: não foi possível gravar a captura de tela {path}</translation>
    </message>
    <message>
        <source>Untitled project</source>
        <extracomment>Seconds of quiet after an edit before the burst of edits is autosaved. `ccgeo.project.UNTITLED` as the app shows it (`tr` where shown).
----------
`UNTITLED` as the app shows it (`tr` where shown).
----------
The name of a project never named (`ccgeo.project.UNTITLED`), as the title bar shows it.</extracomment>
        <translation>Projeto sem título</translation>
    </message>
    <message>
        <source>ccgeo closed unexpectedly: restore the unsaved changes to “{name}” from {when}?

No deletes them.</source>
        <translation>O ccgeo foi fechado inesperadamente: restaurar as alterações não salvas de “{name}” de {when}?

Não as exclui.</translation>
    </message>
    <message>
        <source>ccgeo closed unexpectedly: restore the unsaved changes to “{name}” ({path}) from {when}?

No deletes them.</source>
        <translation>O ccgeo foi fechado inesperadamente: restaurar as alterações não salvas de “{name}” ({path}) de {when}?

Não as exclui.</translation>
    </message>
    <message>
        <source>Autosaving…</source>
        <translation>Salvando automaticamente…</translation>
    </message>
    <message>
        <source>Restoring the unsaved changes…</source>
        <translation>Restaurando as alterações não salvas…</translation>
    </message>
    <message>
        <source>the recovery file has gone; nothing to restore</source>
        <translation>o arquivo de recuperação não existe mais; não há nada a restaurar</translation>
    </message>
    <message>
        <source>Autosave failed (your project file is untouched): {error}</source>
        <extracomment>When False nothing is written (screenshot runs).</extracomment>
        <translation>O salvamento automático falhou (seu arquivo de projeto está intacto): {error}</translation>
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
        <translation>Mapa base: os blocos do OpenStreetMap carregam em segundo plano e ficam guardados para uso sem internet</translation>
    </message>
    <message>
        <source>Base map: this project has no OpenStreetMap land use, water or place names; import its roads from an OSM file (.osm.pbf) to draw them</source>
        <translation>Mapa base: este projeto não tem uso do solo, água nem nomes de lugares do OpenStreetMap; importe as vias de um arquivo OSM (.osm.pbf) para desenhá-los</translation>
    </message>
    <message>
        <source>Base map: drawn offline from the project&apos;s OpenStreetMap data ({areas} areas, {lines} rivers and streams, {places} place names)</source>
        <translation>Mapa base: desenhado sem internet a partir dos dados do OpenStreetMap do projeto ({areas} áreas, {lines} rios e córregos, {places} nomes de lugares)</translation>
    </message>
    <message>
        <source>Base map: none; the roads and districts are the base map</source>
        <translation>Mapa base: nenhum; as vias e os distritos servem de mapa base</translation>
    </message>
    <message>
        <source>The second scenario: drag or zoom either map and both follow</source>
        <extracomment>The second map (made on first use).</extracomment>
        <translation>O segundo cenário: arraste ou dê zoom em qualquer um dos mapas e os dois acompanham</translation>
    </message>
    <message>
        <source>Base map unavailable offline: showing cached tiles only; the roads are the base map</source>
        <extracomment>Status-bar text when tiles cannot be fetched (English; shown through `tr`).</extracomment>
        <translation>Mapa base indisponível sem internet: só os blocos guardados são mostrados; as vias servem de mapa base</translation>
    </message>
    <message>
        <source>OpenStreetMap base map</source>
        <extracomment>The name of the web tiles&apos; layer (English; shown through `tr`).</extracomment>
        <translation>Mapa base do OpenStreetMap</translation>
    </message>
    <message>
        <source>© OpenStreetMap contributors</source>
        <extracomment>More tiles than this on one screen means the zoom is too deep for it: use a coarser level. How many zoom levels up a missing tile may borrow a blurrier ancestor from the cache. Seconds to wait after a connection failure before trying the server again. Called from `paint` with the tiles it lacks and the stale ones it drew, centre first. Tiles drawn by the last `paint` (exact or borrowed from an ancestor).</extracomment>
        <translation>© colaboradores do OpenStreetMap</translation>
    </message>
    <message>
        <source>cannot write the tile cache {folder} ({reason})</source>
        <translation>não é possível gravar o cache de blocos {folder} ({reason})</translation>
    </message>
    <message>
        <source>Base map: some tiles could not be loaded ({reason})</source>
        <extracomment>Tiles requested from the server this session (for tests and the log).</extracomment>
        <translation>Mapa base: alguns blocos não puderam ser carregados ({reason})</translation>
    </message>
    <message>
        <source>Base map: {problem}</source>
        <translation>Mapa base: {problem}</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>value</comment>
        <extracomment>A click finds facilities whose symbol centre is this close, screen pixels. A click finds the road this close to the cursor, screen pixels. A press and release farther apart than this is a drag (a box), not a click, pixels. Colour of the selection highlight and of the select box.</extracomment>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>no population layer</source>
        <translation>sem camada de população</translation>
    </message>
    <message>
        <source>not tagged</source>
        <translation>sem etiqueta</translation>
    </message>
    <message>
        <source>Road: {road_class}</source>
        <translation>Via: {road_class}</translation>
    </message>
    <message>
        <source>no people</source>
        <extracomment>Bar colours: covered share, and the rest of the district&apos;s people. The Lancet Commission on Global Surgery target: 80 % within 2 h (a reference line).</extracomment>
        <translation>sem população</translation>
    </message>
    <message>
        <source>target {percent}</source>
        <translation>meta {percent}</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <extracomment>The distributions whose versions a bundle lists. Lines of the session log kept (the oldest go first).</extracomment>
        <translation>Salvar &amp;diagnóstico…</translation>
    </message>
    <message>
        <source>Save a zip for a bug report: this session&apos;s log, the versions, the project&apos;s settings and import reports, never its data</source>
        <translation>Salvar um zip para relatar um erro: o log desta sessão, as versões, as configurações do projeto e seus relatórios de importação, nunca os seus dados</translation>
    </message>
    <message>
        <source>Save diagnostics</source>
        <translation>Salvar diagnóstico</translation>
    </message>
    <message>
        <source>Zip archive (*.zip)</source>
        <translation>Arquivo zip (*.zip)</translation>
    </message>
    <message>
        <source>Could not save the diagnostics</source>
        <translation>Não foi possível salvar o diagnóstico</translation>
    </message>
    <message>
        <source>Diagnostics saved to {path} (no data of the project)</source>
        <translation>Diagnóstico salvo em {path} (sem dados do projeto)</translation>
    </message>
    <message>
        <source>Imported roads from {source}</source>
        <extracomment>Drawing order of the project&apos;s own layers, bottom to top (as `layers_from_project` builds). The status line after a layer import, by kind (translated where shown).</extracomment>
        <translation>Vias importadas de {source}</translation>
    </message>
    <message>
        <source>Imported population from {source}</source>
        <translation>População importada de {source}</translation>
    </message>
    <message>
        <source>Imported districts from {source}</source>
        <translation>Distritos importados de {source}</translation>
    </message>
    <message>
        <source>a new roads layer was imported</source>
        <extracomment>Why the results are out of date after a layer import, by kind (translated where shown).</extracomment>
        <translation>uma nova camada de vias foi importada</translation>
    </message>
    <message>
        <source>a new population layer was imported</source>
        <translation>uma nova camada de população foi importada</translation>
    </message>
    <message>
        <source>a new districts layer was imported</source>
        <translation>uma nova camada de distritos foi importada</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>Tabela de atributos</translation>
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
        <translation>&amp;Estabelecimentos…</translation>
    </message>
    <message>
        <source>Import a facility spreadsheet or point layer, checking every row</source>
        <translation>Importar uma planilha ou camada de pontos de estabelecimentos, verificando cada linha</translation>
    </message>
    <message>
        <source>&amp;Roads…</source>
        <translation>&amp;Vias…</translation>
    </message>
    <message>
        <source>Load the road network from a file, or download it by place name</source>
        <translation>Carregar a rede viária de um arquivo, ou baixá-la pelo nome do lugar</translation>
    </message>
    <message>
        <source>&amp;Population…</source>
        <translation>&amp;População…</translation>
    </message>
    <message>
        <source>Load population from a raster, a table or a point layer</source>
        <translation>Carregar a população de um raster, uma tabela ou uma camada de pontos</translation>
    </message>
    <message>
        <source>&amp;Districts…</source>
        <translation>&amp;Distritos…</translation>
    </message>
    <message>
        <source>Load district boundaries</source>
        <translation>Carregar os limites dos distritos</translation>
    </message>
    <message>
        <source>&amp;Attribute table</source>
        <translation>&amp;Tabela de atributos</translation>
    </message>
    <message>
        <source>Show the facilities, districts and import reports as tables</source>
        <translation>Mostrar os estabelecimentos, os distritos e os relatórios de importação como tabelas</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>&amp;Problemas</translation>
    </message>
    <message>
        <source>What the data lacked or what ccgeo changed behind the results: rows rejected or changed on import, people outside the roads or in no district; double-click a row to show its facility</source>
        <translation>O que faltava nos dados ou o que o ccgeo alterou por trás dos resultados: linhas rejeitadas ou alteradas na importação, pessoas fora das vias ou em nenhum distrito; clique duas vezes numa linha para mostrar seu estabelecimento</translation>
    </message>
    <message>
        <source>I&amp;dentify</source>
        <translation>I&amp;dentificar</translation>
    </message>
    <message>
        <source>Click anywhere on the map: the features there and the travel time to the nearest lab</source>
        <translation>Clique em qualquer lugar do mapa: as feições ali e o tempo de deslocamento até o laboratório mais próximo</translation>
    </message>
    <message>
        <source>&amp;Select facilities</source>
        <translation>&amp;Selecionar estabelecimentos</translation>
    </message>
    <message>
        <source>Click a facility or drag a box to select; Shift adds, Ctrl toggles</source>
        <translation>Clique num estabelecimento ou arraste um retângulo para selecionar; Shift adiciona, Ctrl alterna</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>&amp;Limpar seleção</translation>
    </message>
    <message>
        <source>Select no facility</source>
        <translation>Não selecionar nenhum estabelecimento</translation>
    </message>
    <message>
        <source>Zoom to se&amp;lection</source>
        <translation>Zoom na se&amp;leção</translation>
    </message>
    <message>
        <source>Show every selected facility on the map</source>
        <translation>Mostrar no mapa todos os estabelecimentos selecionados</translation>
    </message>
    <message>
        <source>Open attribute table</source>
        <translation>Abrir tabela de atributos</translation>
    </message>
    <message>
        <source>Click on the map with the Identify tool (I).</source>
        <translation>Clique no mapa com a ferramenta Identificar (I).</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>Não alterado: {reason}</translation>
    </message>
    <message>
        <source>Downloaded the roads of {place}</source>
        <translation>Vias de {place} baixadas</translation>
    </message>
    <message>
        <source>{message} ({warning})</source>
        <translation>{message} ({warning})</translation>
    </message>
    <message>
        <source>not run yet</source>
        <translation>ainda não executada</translation>
    </message>
    <message>
        <source>(none)</source>
        <extracomment>Rows of the file shown in the mapping preview. Shown in a mapping dropdown for &quot;no column holds this field&quot; (translated where shown).</extracomment>
        <translation>(nenhuma)</translation>
    </message>
    <message>
        <source>Facility tables and point layers</source>
        <extracomment>Name of the file dialog&apos;s first filter, the one with every suffix (translated where shown).</extracomment>
        <translation>Tabelas de estabelecimentos e camadas de pontos</translation>
    </message>
    <message>
        <source>Code of the facility in its registry; made up from the row number if none</source>
        <extracomment>What each schema field means, for the dropdown tooltips (translated where shown).</extracomment>
        <translation>Código do estabelecimento no seu cadastro; se não houver, é criado a partir do número da linha</translation>
    </message>
    <message>
        <source>Name of the facility</source>
        <translation>Nome do estabelecimento</translation>
    </message>
    <message>
        <source>Longitude, decimal degrees or degrees-minutes-seconds</source>
        <translation>Longitude, em graus decimais ou graus-minutos-segundos</translation>
    </message>
    <message>
        <source>Latitude, decimal degrees or degrees-minutes-seconds</source>
        <translation>Latitude, em graus decimais ou graus-minutos-segundos</translation>
    </message>
    <message>
        <source>One column with &apos;lat, lon&apos; or WKT POINT (lon lat), instead of lon and lat</source>
        <translation>Uma coluna com &apos;lat, lon&apos; ou WKT POINT (lon lat), em vez de lon e lat</translation>
    </message>
    <message>
        <source>Takes biopsies (yes/no)</source>
        <translation>Coleta biópsias (sim/não)</translation>
    </message>
    <message>
        <source>Does cytology (yes/no)</source>
        <translation>Faz citologia (sim/não)</translation>
    </message>
    <message>
        <source>Does histopathology (yes/no)</source>
        <translation>Faz histopatologia (sim/não)</translation>
    </message>
    <message>
        <source>Does immunohistochemistry (yes/no)</source>
        <translation>Faz imuno-histoquímica (IHQ) (sim/não)</translation>
    </message>
    <message>
        <source>Does in situ hybridisation, FISH (yes/no)</source>
        <translation>Faz hibridização in situ, FISH (sim/não)</translation>
    </message>
    <message>
        <source>Does molecular testing, PCR (yes/no)</source>
        <translation>Faz exames moleculares, PCR (sim/não)</translation>
    </message>
    <message>
        <source>Does next-generation sequencing (yes/no)</source>
        <translation>Faz sequenciamento de nova geração (sim/não)</translation>
    </message>
    <message>
        <source>Does flow cytometry (yes/no)</source>
        <translation>Faz citometria de fluxo (sim/não)</translation>
    </message>
    <message>
        <source>One text column listing the tests done (&apos;IHC; PCR&apos;, &apos;biologia molecular&apos;)</source>
        <translation>Uma coluna de texto com os exames feitos (&apos;IHC; PCR&apos;, &apos;biologia molecular&apos;)</translation>
    </message>
    <message>
        <source>External quality assessment: international, national or none</source>
        <translation>Controle externo da qualidade: internacional, nacional ou nenhum</translation>
    </message>
    <message>
        <source>Accreditation: ISO 15189, CAP, other or none</source>
        <translation>Acreditação: ISO 15189, CAP, outra ou nenhuma</translation>
    </message>
    <message>
        <source>Tests per year the lab can do</source>
        <translation>Exames por ano que o laboratório pode fazer</translation>
    </message>
    <message>
        <source>Public, private, faith-based, NGO, military</source>
        <translation>Pública, privada, filantrópica/religiosa, ONG, militar</translation>
    </message>
    <message>
        <source>Pathologists working at the lab (a count; optional)</source>
        <translation>Patologistas que trabalham no laboratório (um número; opcional)</translation>
    </message>
    <message>
        <source>Molecular technologists or scientists at the lab (a count; optional)</source>
        <translation>Tecnólogos ou cientistas moleculares do laboratório (um número; opcional)</translation>
    </message>
    <message>
        <source>All problems</source>
        <extracomment>The problems the validation step lists, by severity (``&quot;&quot;``: all), with the words of its filter (translated where shown).</extracomment>
        <translation>Todos os problemas</translation>
    </message>
    <message>
        <source>Rejected (not imported)</source>
        <translation>Rejeitadas (não importadas)</translation>
    </message>
    <message>
        <source>Flagged for review</source>
        <translation>Marcadas para revisão</translation>
    </message>
    <message>
        <source>Fixed automatically</source>
        <translation>Corrigidas automaticamente</translation>
    </message>
    <message>
        <source>Notes on the whole file</source>
        <translation>Notas sobre o arquivo inteiro</translation>
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
        <translation>nome</translation>
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
        <translation>coordenadas</translation>
    </message>
    <message>
        <source>biopsy</source>
        <comment>facility field</comment>
        <translation>biópsia</translation>
    </message>
    <message>
        <source>cytology</source>
        <comment>facility field</comment>
        <translation>citologia</translation>
    </message>
    <message>
        <source>histology</source>
        <comment>facility field</comment>
        <translation>histologia</translation>
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
        <translation>citometria</translation>
    </message>
    <message>
        <source>tests</source>
        <comment>facility field</comment>
        <translation>exames</translation>
    </message>
    <message>
        <source>eqa</source>
        <comment>facility field</comment>
        <translation>controle externo</translation>
    </message>
    <message>
        <source>accreditation</source>
        <comment>facility field</comment>
        <translation>acreditação</translation>
    </message>
    <message>
        <source>capacity_tests_per_year</source>
        <comment>facility field</comment>
        <translation>capacidade (exames/ano)</translation>
    </message>
    <message>
        <source>ownership</source>
        <comment>facility field</comment>
        <translation>natureza</translation>
    </message>
    <message>
        <source>pathologists</source>
        <comment>facility field</comment>
        <translation>patologistas</translation>
    </message>
    <message>
        <source>molecular_technologists</source>
        <comment>facility field</comment>
        <translation>tecnólogos moleculares</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Lendo {name}…</translation>
    </message>
    <message numerus="yes">
        <source>%n imported id(s) were already used in the project and were renamed: {ids}</source>
        <translation>
            <numerusform>%n código importado já era usado no projeto e foi renomeado: {ids}</numerusform>
            <numerusform>%n códigos importados já eram usados no projeto e foram renomeados: {ids}</numerusform>
        </translation>
    </message>
    <message>
        <source>check whether they are the same facilities; if so, remove the copies</source>
        <translation>verifique se são os mesmos estabelecimentos; se forem, remova as cópias</translation>
    </message>
    <message>
        <source>Choose the facility file</source>
        <translation>Escolha o arquivo de estabelecimentos</translation>
    </message>
    <message>
        <source>A spreadsheet (CSV, Excel, OpenDocument), JSON records, or a point layer (GeoJSON, GeoPackage, Shapefile, KML/KMZ, also zipped); exports of DHIS2, ODK, KoboToolbox and Healthsites.io and HXL tagged sheets are recognised. Nothing is changed in the file.</source>
        <translation>Uma planilha (CSV, Excel, OpenDocument), registros JSON ou uma camada de pontos (GeoJSON, GeoPackage, Shapefile, KML/KMZ, também compactados em zip); as exportações do DHIS2, ODK, KoboToolbox e Healthsites.io e as planilhas com etiquetas HXL são reconhecidas. O arquivo não é modificado.</translation>
    </message>
    <message>
        <source>Path of the facility file</source>
        <translation>Caminho do arquivo de estabelecimentos</translation>
    </message>
    <message>
        <source>The file to import; type a path or choose one with Browse</source>
        <translation>O arquivo a importar; digite um caminho ou escolha um com Procurar</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Procurar…</translation>
    </message>
    <message>
        <source>Choose the file in a file dialog</source>
        <translation>Escolher o arquivo numa janela de arquivos</translation>
    </message>
    <message>
        <source>The sheet of the workbook that holds the facilities</source>
        <translation>A planilha da pasta de trabalho que contém os estabelecimentos</translation>
    </message>
    <message>
        <source>The layer of the GeoPackage that holds the facilities</source>
        <translation>A camada do GeoPackage que contém os estabelecimentos</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Arquivo:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Planilha:</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>Camada:</translation>
    </message>
    <message>
        <source>Import facilities</source>
        <translation>Importar estabelecimentos</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>Associar as colunas</translation>
    </message>
    <message>
        <source>Each field of ccgeo is matched to a column of your file; the guess is filled in. Change any dropdown, or choose (none) when the file has no such column.</source>
        <translation>Cada campo do ccgeo é associado a uma coluna do seu arquivo; a sugestão já está preenchida. Altere qualquer lista, ou escolha (nenhuma) quando o arquivo não tiver essa coluna.</translation>
    </message>
    <message>
        <source>The first rows of the file, as read (every cell as text)</source>
        <translation>As primeiras linhas do arquivo, como foram lidas (cada célula como texto)</translation>
    </message>
    <message>
        <source>Points more than 10 km outside the study area are rejected, closer ones flagged; without one, only far outliers are flagged</source>
        <translation>Pontos a mais de 10 km fora da área de estudo são rejeitados, os mais próximos são marcados; sem área, só os muito distantes são marcados</translation>
    </message>
    <message>
        <source>Detect swapped latitude and longitude</source>
        <translation>Detectar latitude e longitude trocadas</translation>
    </message>
    <message>
        <source>Put back, row by row, points that make sense only with latitude and longitude exchanged; each row changed is listed in the report</source>
        <translation>Corrigir, linha por linha, os pontos que só fazem sentido com a latitude e a longitude trocadas; cada linha alterada aparece no relatório</translation>
    </message>
    <message>
        <source>Study area:</source>
        <translation>Área de estudo:</translation>
    </message>
    <message>
        <source>What wrote the file, and what the import takes from it; change any dropdown below</source>
        <translation>Qual sistema gerou o arquivo e o que a importação aproveita dele; altere qualquer lista suspensa abaixo</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colunas</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
    <message>
        <source>Districts of the project ({count})</source>
        <translation>Distritos do projeto ({count})</translation>
    </message>
    <message>
        <source>None (flag far outliers only)</source>
        <translation>Nenhuma (marcar só os muito distantes)</translation>
    </message>
    <message numerus="yes">
        <source>{rows} row(s), {columns} columns; the first {shown} shown.</source>
        <translation>
            <numerusform>{rows} linha, {columns} colunas; as primeiras {shown} são mostradas.</numerusform>
            <numerusform>{rows} linhas, {columns} colunas; as primeiras {shown} são mostradas.</numerusform>
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
(não usada)</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>Verificar as linhas</translation>
    </message>
    <message>
        <source>Every row is imported or listed here with the reason it was not. Rows flagged for review are imported and marked on the map so that you can check them.</source>
        <translation>Cada linha é importada ou aparece aqui com o motivo pelo qual não foi. As linhas marcadas para revisão são importadas e indicadas no mapa para que você possa verificá-las.</translation>
    </message>
    <message>
        <source>Show only problems of this kind</source>
        <translation>Mostrar só os problemas deste tipo</translation>
    </message>
    <message>
        <source>Row numbers are as in the spreadsheet (the header is row 1)</source>
        <translation>Os números de linha são os da planilha (o cabeçalho é a linha 1)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>&lt;b&gt;{imported}&lt;/b&gt; imported · &lt;b&gt;{rejected}&lt;/b&gt; rejected · &lt;b&gt;{flagged}&lt;/b&gt; flagged for review (of {rows} rows)</source>
        <extracomment>The report of the last check, and what makes the status line (None: a worker&apos;s text).</extracomment>
        <translation>&lt;b&gt;{imported}&lt;/b&gt; importadas · &lt;b&gt;{rejected}&lt;/b&gt; rejeitadas · &lt;b&gt;{flagged}&lt;/b&gt; marcadas para revisão (de {rows} linhas)</translation>
    </message>
    <message numerus="yes">
        <source>Checked {count} row(s).</source>
        <translation>
            <numerusform>{count} linha verificada.</numerusform>
            <numerusform>{count} linhas verificadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Verificando cada linha…</translation>
    </message>
    <message>
        <source>The file cannot be imported with this mapping:</source>
        <translation>O arquivo não pode ser importado com esta associação de colunas:</translation>
    </message>
    <message>
        <source>Import</source>
        <comment>wizard step</comment>
        <translation>Importação</translation>
    </message>
    <message>
        <source>&amp;Replace the facilities of the project</source>
        <translation>&amp;Substituir os estabelecimentos do projeto</translation>
    </message>
    <message>
        <source>The imported facilities take the place of the current ones</source>
        <translation>Os estabelecimentos importados substituem os atuais</translation>
    </message>
    <message>
        <source>&amp;Add them to the facilities of the project</source>
        <translation>&amp;Adicioná-los aos estabelecimentos do projeto</translation>
    </message>
    <message>
        <source>Keep the current facilities and add these; repeated ids are renamed and flagged</source>
        <translation>Manter os estabelecimentos atuais e adicionar estes; códigos repetidos são renomeados e marcados</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Replace the {count} facility(ies) of the project</source>
        <translation>
            <numerusform>&amp;Substituir o {count} estabelecimento do projeto</numerusform>
            <numerusform>&amp;Substituir os {count} estabelecimentos do projeto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add them to the {count} facility(ies) of the project</source>
        <translation>
            <numerusform>&amp;Adicioná-los ao {count} estabelecimento do projeto</numerusform>
            <numerusform>&amp;Adicioná-los aos {count} estabelecimentos do projeto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} facility(ies) will be imported, {review} of them flagged for review: they are marked in the attribute table, and the report is kept in the project (Layer ▸ Attribute table ▸ Import report).</source>
        <translation>
            <numerusform>{count} estabelecimento será importado, {review} deles marcados para revisão: eles são indicados na tabela de atributos, e o relatório fica guardado no projeto (Camada ▸ Tabela de atributos ▸ Relatório de importação).</numerusform>
            <numerusform>{count} estabelecimentos serão importados, {review} deles marcados para revisão: eles são indicados na tabela de atributos, e o relatório fica guardado no projeto (Camada ▸ Tabela de atributos ▸ Relatório de importação).</numerusform>
        </translation>
    </message>
    <message>
        <source>The step before (Alt+B)</source>
        <translation>A etapa anterior (Alt+B)</translation>
    </message>
    <message>
        <source>The next step (Alt+N)</source>
        <translation>A próxima etapa (Alt+N)</translation>
    </message>
    <message>
        <source>Go on; this step cannot be undone</source>
        <translation>Continuar; esta etapa não pode ser desfeita</translation>
    </message>
    <message>
        <source>Import the facilities into the project (Alt+I)</source>
        <translation>Importar os estabelecimentos para o projeto (Alt+I)</translation>
    </message>
    <message>
        <source>Close without importing anything (Esc)</source>
        <translation>Fechar sem importar nada (Esc)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Import roads</source>
        <extracomment>The layers these dialogs import.</extracomment>
        <translation>Importar vias</translation>
    </message>
    <message>
        <source>Import population</source>
        <translation>Importar população</translation>
    </message>
    <message>
        <source>Import districts</source>
        <translation>Importar distritos</translation>
    </message>
    <message>
        <source>Road networks</source>
        <extracomment>The kinds of file each dialog reads, and the name of its file-dialog filter.</extracomment>
        <translation>Redes viárias</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>População</translation>
    </message>
    <message>
        <source>District boundaries</source>
        <translation>Limites de distritos</translation>
    </message>
    <message>
        <source>An OpenStreetMap extract (.osm.pbf from download.geofabrik.de or export.hotosm.org), an osmnx GraphML file, or road lines with a highway column. All travel modes are kept; an OpenStreetMap extract also gives the offline base map (water, parks, built-up land, place names).</source>
        <translation>Um extrato do OpenStreetMap (.osm.pbf de download.geofabrik.de ou export.hotosm.org), um arquivo GraphML do osmnx ou linhas de vias com uma coluna highway. Todos os meios de transporte são mantidos; um extrato do OpenStreetMap também fornece o mapa base sem internet (água, parques, áreas urbanizadas, nomes de lugares).</translation>
    </message>
    <message>
        <source>A population raster (GeoTIFF, people per cell), or a table or point layer with coordinates and a population column.</source>
        <translation>Um raster de população (GeoTIFF, pessoas por célula), ou uma tabela ou camada de pontos com coordenadas e uma coluna de população.</translation>
    </message>
    <message>
        <source>District polygons (GeoJSON, GeoPackage, Shapefile or a zipped Shapefile). The population points are assigned to the new districts.</source>
        <translation>Polígonos de distritos (GeoJSON, GeoPackage, Shapefile ou um Shapefile compactado em zip). Os pontos de população são atribuídos aos novos distritos.</translation>
    </message>
    <message>
        <source>Drawing the layer…</source>
        <translation>Desenhando a camada…</translation>
    </message>
    <message>
        <source>Layer ready</source>
        <translation>Camada pronta</translation>
    </message>
    <message>
        <source>Downloading the roads of {place}…</source>
        <translation>Baixando as vias de {place}…</translation>
    </message>
    <message>
        <source>Path of the file</source>
        <translation>Caminho do arquivo</translation>
    </message>
    <message>
        <source>The file to read</source>
        <translation>O arquivo a ler</translation>
    </message>
    <message>
        <source>From a &amp;file</source>
        <translation>De um &amp;arquivo</translation>
    </message>
    <message>
        <source>&amp;Download by place name (needs internet)</source>
        <translation>&amp;Baixar pelo nome do lugar (requer internet)</translation>
    </message>
    <message>
        <source>Read the roads from a file on this computer</source>
        <translation>Ler as vias de um arquivo deste computador</translation>
    </message>
    <message>
        <source>Download the roads of a place from OpenStreetMap (needs an internet connection)</source>
        <translation>Baixar as vias de um lugar do OpenStreetMap (requer conexão com a internet)</translation>
    </message>
    <message>
        <source>e.g. Oaxaca de Juárez, Mexico</source>
        <translation>ex.: Oaxaca de Juárez, México</translation>
    </message>
    <message>
        <source>A place name OpenStreetMap&apos;s Nominatim knows</source>
        <translation>Um nome de lugar que o Nominatim do OpenStreetMap conheça</translation>
    </message>
    <message>
        <source>Keep only people inside the project&apos;s study area</source>
        <translation>Manter só as pessoas dentro da área de estudo do projeto</translation>
    </message>
    <message>
        <source>The study area is the districts&apos; union, else the road network&apos;s extent</source>
        <translation>A área de estudo é a união dos distritos ou, se não houver, a extensão da rede viária</translation>
    </message>
    <message>
        <source>From a folder of &amp;WorldPop age/sex rasters</source>
        <translation>De uma pasta de rasters de idade e sexo do &amp;WorldPop</translation>
    </message>
    <message>
        <source>One GeoTIFF per sex and age band, named like ken_f_15_2020.tif; the people by sex and age give the coverage of women, men and each age band</source>
        <translation>Um GeoTIFF por sexo e faixa etária, com nomes como ken_f_15_2020.tif; as pessoas por sexo e idade dão a cobertura de mulheres, homens e cada faixa etária</translation>
    </message>
    <message>
        <source>Read the layer; it replaces the project&apos;s current one</source>
        <translation>Ler a camada; ela substitui a atual do projeto</translation>
    </message>
    <message>
        <source>Stop reading and close without changing the project (Esc)</source>
        <translation>Parar a leitura e fechar sem alterar o projeto (Esc)</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Lugar:</translation>
    </message>
    <message>
        <source>Folder of WorldPop age/sex rasters</source>
        <translation>Pasta de rasters de idade e sexo do WorldPop</translation>
    </message>
    <message>
        <source>Choose a place name first.</source>
        <translation>Escolha primeiro um nome de lugar.</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Escolha primeiro um arquivo.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Untick to leave “{label}” off the map</source>
        <translation>Desmarque para tirar “{label}” do mapa</translation>
    </message>
    <message>
        <source>Choose the colour of “{label}”</source>
        <translation>Escolher a cor de “{label}”</translation>
    </message>
    <message>
        <source>Colour of {label}</source>
        <translation>Cor de {label}</translation>
    </message>
    <message>
        <source>Style of {layer}</source>
        <translation>Estilo de {layer}</translation>
    </message>
    <message>
        <source>Colour every class from this ramp, nearest band darkest</source>
        <translation>Colorir cada classe com esta rampa, a faixa mais próxima mais escura</translation>
    </message>
    <message>
        <source>Usual style</source>
        <translation>Estilo padrão</translation>
    </message>
    <message>
        <source>Back to the colours and sizes ccgeo draws by default</source>
        <translation>Voltar às cores e tamanhos que o ccgeo usa por padrão</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Cores</translation>
    </message>
    <message>
        <source>Baseline (existing labs)</source>
        <extracomment>The outputs: an HTML map, a PDF report, data files, a printed report. Where a project keeps the language its map or report was last written in (its metadata). What the map and the report call the analysis of the existing labs.
----------
What the map and the report call the analysis of the existing labs (English: shown through `tr`).</extracomment>
        <translation>Situação atual (laboratórios existentes)</translation>
    </message>
    <message>
        <source>Current what-if edits</source>
        <extracomment>Name of the scenario made of the live what-if edits.</extracomment>
        <translation>Alterações atuais da simulação</translation>
    </message>
    <message>
        <source>results.gpkg with one layer each: opens in QGIS</source>
        <extracomment>Each data format&apos;s name and what its files are.</extracomment>
        <translation>results.gpkg com uma camada por resultado: abre no QGIS</translation>
    </message>
    <message>
        <source>one .geojson file per layer: for web maps and scripts</source>
        <translation>um arquivo .geojson por camada: para mapas web e scripts</translation>
    </message>
    <message>
        <source>one .parquet file per layer: for Python, R, DuckDB and QGIS 3.34+</source>
        <translation>um arquivo .parquet por camada: para Python, R, DuckDB e QGIS 3.34+</translation>
    </message>
    <message>
        <source>one .csv per table, and summary.json: opens in any spreadsheet</source>
        <translation>um .csv por tabela, e summary.json: abre em qualquer planilha</translation>
    </message>
    <message>
        <source>results.xlsx with a sheet per table and a summary sheet</source>
        <translation>results.xlsx com uma planilha por tabela e uma planilha de resumo</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>US Letter (8.5 × 11 in)</source>
        <translation>Carta EUA (8,5 × 11 pol.)</translation>
    </message>
    <message>
        <source>The map as on screen</source>
        <extracomment>What the report&apos;s maps show.</extracomment>
        <translation>O mapa como na tela</translation>
    </message>
    <message>
        <source>The whole study area</source>
        <translation>Toda a área de estudo</translation>
    </message>
    <message>
        <source>Draw an area on the map…</source>
        <translation>Desenhar uma área no mapa…</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Retrato</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Paisagem</translation>
    </message>
    <message>
        <source>Export interactive map (HTML)</source>
        <translation>Exportar mapa interativo (HTML)</translation>
    </message>
    <message>
        <source>Export map report (PDF)</source>
        <translation>Exportar relatório de mapas (PDF)</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Exportar dados</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>Imprimir relatório</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Visualizar…</translation>
    </message>
    <message>
        <source>One HTML file that opens in any browser, without internet: labs, catchment bands, underserved areas, districts with their coverage, population and roads.</source>
        <translation>Um arquivo HTML que abre em qualquer navegador, sem internet: laboratórios, faixas de abrangência, áreas desassistidas, distritos com sua cobertura, população e vias.</translation>
    </message>
    <message>
        <source>A printable report: cover with the key numbers, the coverage map, coverage by district, underserved areas, methods and data sources.</source>
        <translation>Um relatório para impressão: capa com os números-chave, o mapa de cobertura, a cobertura por distrito, as áreas desassistidas, os métodos e as fontes de dados.</translation>
    </message>
    <message>
        <source>The analysis as layers and tables other tools open: demand points with their travel times, labs, catchment bands, underserved areas, coverage by district.</source>
        <translation>A análise como camadas e tabelas que outras ferramentas abrem: pontos de demanda com seus tempos de deslocamento, laboratórios, faixas de abrangência, áreas desassistidas, cobertura por distrito.</translation>
    </message>
    <message>
        <source>The pages of the PDF report, shown in a print preview: choose the printer, the pages and the copies there.</source>
        <translation>As páginas do relatório PDF, numa visualização de impressão: escolha ali a impressora, as páginas e as cópias.</translation>
    </message>
    <message>
        <source>Writing the interactive map of {analysis}…</source>
        <extracomment>The status line while an output is made, by kind (``{analysis}``: the analysis shown).</extracomment>
        <translation>Gravando o mapa interativo de {analysis}…</translation>
    </message>
    <message>
        <source>Writing the report of {analysis}…</source>
        <translation>Gravando o relatório de {analysis}…</translation>
    </message>
    <message>
        <source>Writing the data of {analysis}…</source>
        <translation>Gravando os dados de {analysis}…</translation>
    </message>
    <message>
        <source>Preparing the report of {analysis}…</source>
        <translation>Preparando o relatório de {analysis}…</translation>
    </message>
    <message>
        <source>scenario</source>
        <translation>cenário</translation>
    </message>
    <message>
        <source>there is no analysis to export yet; run it first (Analysis ▸ Run, F5)</source>
        <translation>ainda não há análise para exportar; execute-a primeiro (Análise ▸ Executar análise, F5)</translation>
    </message>
    <message>
        <source>Analysing the scenario “{name}”…</source>
        <translation>Analisando o cenário “{name}”…</translation>
    </message>
    <message>
        <source>no output path was chosen</source>
        <translation>nenhum caminho de saída foi escolhido</translation>
    </message>
    <message>
        <source>Writing the data files…</source>
        <translation>Gravando os arquivos de dados…</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written</source>
        <translation>
            <numerusform>%n arquivo gravado</numerusform>
            <numerusform>%n arquivos gravados</numerusform>
        </translation>
    </message>
    <message>
        <source>{place}: access to {test} testing</source>
        <translation>{place}: acesso a exames de {test}</translation>
    </message>
    <message>
        <source>Access to {test} testing</source>
        <translation>Acesso a exames de {test}</translation>
    </message>
    <message>
        <source>{place}: access to labs</source>
        <translation>{place}: acesso aos laboratórios</translation>
    </message>
    <message>
        <source>Access to labs</source>
        <translation>Acesso aos laboratórios</translation>
    </message>
    <message>
        <source>{title} · {analysis}</source>
        <translation>{title} · {analysis}</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate hub(s)</source>
        <translation>
            <numerusform>%n laboratório de referência candidato</numerusform>
            <numerusform>%n laboratórios de referência candidatos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n upgrade(s) to {test}</source>
        <translation>
            <numerusform>%n ampliação para {test}</numerusform>
            <numerusform>%n ampliações para {test}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lab(s) closed</source>
        <translation>
            <numerusform>%n laboratório fechado</numerusform>
            <numerusform>%n laboratórios fechados</numerusform>
        </translation>
    </message>
    <message>
        <source>no change</source>
        <translation>nenhuma alteração</translation>
    </message>
    <message>
        <source>Scenario: {name}</source>
        <translation>Cenário: {name}</translation>
    </message>
    <message>
        <source>{format}: {description}</source>
        <translation>{format}: {description}</translation>
    </message>
    <message>
        <source>Which labs the output shows: the existing ones, the what-if on the map now, or a saved scenario (analysed in full with its own settings)</source>
        <translation>Quais laboratórios a saída mostra: os existentes, a simulação que está agora no mapa ou um cenário salvo (analisado por completo com suas próprias configurações)</translation>
    </message>
    <message>
        <source>The heading of the map or the report&apos;s cover</source>
        <translation>O título do mapa ou da capa do relatório</translation>
    </message>
    <message>
        <source>Paper size of the report</source>
        <translation>Tamanho do papel do relatório</translation>
    </message>
    <message>
        <source>Portrait suits A4/Letter reading; landscape gives the maps more width</source>
        <translation>Retrato é melhor para leitura em A4/Carta; paisagem dá mais largura aos mapas</translation>
    </message>
    <message>
        <source>Include OpenStreetMap tiles layer (online only)</source>
        <translation>Incluir camada de blocos do OpenStreetMap (só on-line)</translation>
    </message>
    <message>
        <source>Adds a street map layer, off until ticked in the map; it loads from the internet and stays blank offline. Everything else works without internet.</source>
        <translation>Adiciona uma camada de mapa de ruas, desligada até ser marcada no mapa; ela carrega da internet e fica em branco sem conexão. Todo o resto funciona sem internet.</translation>
    </message>
    <message>
        <source>The language the output is written in; the project remembers it for next time</source>
        <translation>O idioma em que a saída é escrita; o projeto o lembra para a próxima vez</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Formatos</translation>
    </message>
    <message>
        <source>The area the report&apos;s maps show; it fills the map frame of the page</source>
        <translation>A área que os mapas do relatório mostram; ela preenche o quadro do mapa na página</translation>
    </message>
    <message>
        <source>Choose where to write it, then write it in the background</source>
        <translation>Escolher onde gravar e depois gravar em segundo plano</translation>
    </message>
    <message>
        <source>Prepare the pages and show them in a print preview</source>
        <translation>Preparar as páginas e mostrá-las numa visualização de impressão</translation>
    </message>
    <message>
        <source>Close without writing anything</source>
        <translation>Fechar sem gravar nada</translation>
    </message>
    <message>
        <source>&amp;Analysis:</source>
        <translation>&amp;Análise:</translation>
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
        <translation>&amp;Orientação:</translation>
    </message>
    <message>
        <source>&amp;Map area:</source>
        <translation>Área do &amp;mapa:</translation>
    </message>
    <message>
        <source>Every layer of the project, with a margin</source>
        <translation>Todas as camadas do projeto, com uma margem</translation>
    </message>
    <message>
        <source>Drag a rectangle on the map; Esc cancels</source>
        <translation>Arraste um retângulo no mapa; Esc cancela</translation>
    </message>
    <message>
        <source>{area} (widened to the page&apos;s map frame)</source>
        <translation>{area} (ampliada ao quadro do mapa da página)</translation>
    </message>
    <message>
        <source>Tick at least one format</source>
        <translation>Marque pelo menos um formato</translation>
    </message>
    <message>
        <source>Interactive &amp;map (HTML)…</source>
        <extracomment>The options dialog shown last (tests fill it in). The &quot;written to …&quot; box shown last. The print preview shown last, and its printer. Draws the report&apos;s map area on the canvas (&quot;Draw an area on the map…&quot;).</extracomment>
        <translation>&amp;Mapa interativo (HTML)…</translation>
    </message>
    <message>
        <source>Export the map with its catchment bands, underserved areas and labs as one HTML file that opens in any browser, offline (Ctrl+E)</source>
        <translation>Exportar o mapa com suas faixas de abrangência, áreas desassistidas e laboratórios como um arquivo HTML que abre em qualquer navegador, sem internet (Ctrl+E)</translation>
    </message>
    <message>
        <source>Map &amp;report (PDF)…</source>
        <translation>&amp;Relatório de mapas (PDF)…</translation>
    </message>
    <message>
        <source>Export a printable PDF report: key numbers, coverage map, coverage by district, underserved areas, methods and sources (Ctrl+Shift+P)</source>
        <translation>Exportar um relatório PDF para impressão: números-chave, mapa de cobertura, cobertura por distrito, áreas desassistidas, métodos e fontes (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>&amp;Data (GeoPackage, GeoJSON, CSV, XLSX)…</source>
        <translation>&amp;Dados (GeoPackage, GeoJSON, CSV, XLSX)…</translation>
    </message>
    <message>
        <source>Export the analysis as layers and tables for QGIS or a spreadsheet (Ctrl+Shift+E)</source>
        <translation>Exportar a análise como camadas e tabelas para o QGIS ou uma planilha (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>&amp;Print report…</source>
        <translation>Im&amp;primir relatório…</translation>
    </message>
    <message>
        <source>Print the map report, with a print preview of its pages (Ctrl+P)</source>
        <translation>Imprimir o relatório de mapas, com uma visualização de suas páginas (Ctrl+P)</translation>
    </message>
    <message>
        <source>No what-if edits on the map: place a hub or upgrade a facility first</source>
        <translation>Não há alterações de simulação no mapa: primeiro instale um laboratório de referência ou amplie um estabelecimento</translation>
    </message>
    <message>
        <source>No analysis was run yet: the default one ({settings}) runs first for the baseline and the what-if edits. A saved scenario runs with its own settings.</source>
        <translation>Nenhuma análise foi executada ainda: a análise padrão ({settings}) é executada primeiro para a situação atual e as alterações da simulação. Um cenário salvo é executado com suas próprias configurações.</translation>
    </message>
    <message>
        <source>The results are out of date ({reason}): the analysis ({settings}) runs again first. A saved scenario runs with its own settings.</source>
        <translation>Os resultados estão desatualizados ({reason}): a análise ({settings}) é executada de novo primeiro. Um cenário salvo é executado com suas próprias configurações.</translation>
    </message>
    <message>
        <source>Analysis: {settings}. A saved scenario runs with its own settings.</source>
        <translation>Análise: {settings}. Um cenário salvo é executado com suas próprias configurações.</translation>
    </message>
    <message>
        <source>Map area of the report drawn</source>
        <translation>Área do mapa do relatório desenhada</translation>
    </message>
    <message>
        <source>No area drawn</source>
        <translation>Nenhuma área desenhada</translation>
    </message>
    <message>
        <source>Drag a rectangle over the area the report&apos;s maps should show (Esc cancels)</source>
        <translation>Arraste um retângulo sobre a área que os mapas do relatório devem mostrar (Esc cancela)</translation>
    </message>
    <message>
        <source>Export data to the folder</source>
        <translation>Exportar os dados para a pasta</translation>
    </message>
    <message>
        <source>No analysis yet: running the analysis ({settings}) first, then the output…</source>
        <translation>Ainda não há análise: primeiro a análise ({settings}) é executada, depois a saída…</translation>
    </message>
    <message>
        <source>The results are out of date: running the analysis ({settings}) first, then the output…</source>
        <translation>Os resultados estão desatualizados: primeiro a análise ({settings}) é executada, depois a saída…</translation>
    </message>
    <message>
        <source>Nothing was written: the analysis did not finish</source>
        <translation>Nada foi gravado: a análise não terminou</translation>
    </message>
    <message>
        <source>there are no what-if edits to export any more (they were undone)</source>
        <translation>não há mais alterações da simulação para exportar (foram desfeitas)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to {folder}</source>
        <translation>
            <numerusform>%n arquivo gravado em {folder}</numerusform>
            <numerusform>%n arquivos gravados em {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>Gravado {path}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir pasta</translation>
    </message>
    <message>
        <source>Show {folder} in the file manager</source>
        <translation>Mostrar {folder} no gerenciador de arquivos</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Fechar esta mensagem</translation>
    </message>
    <message>
        <source>Could not open {folder}; open it by hand</source>
        <translation>Não foi possível abrir {folder}; abra-a manualmente</translation>
    </message>
    <message>
        <source>Print preview: {title}</source>
        <translation>Visualização de impressão: {title}</translation>
    </message>
    <message>
        <source>Print preview: choose the printer there</source>
        <translation>Visualização de impressão: escolha ali a impressora</translation>
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
        <translation>Gravado {path} ({size}).
Abre em qualquer navegador web, também sem internet.</translation>
    </message>
    <message>
        <source>Wrote {path} ({size}).</source>
        <translation>Gravado {path} ({size}).</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… e mais %n</numerusform>
            <numerusform>… e mais %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to {folder}:
{names}</source>
        <translation>
            <numerusform>%n arquivo gravado em {folder}:
{names}</numerusform>
            <numerusform>%n arquivos gravados em {folder}:
{names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Preferences</source>
        <extracomment>The combo box&apos;s item for &quot;no choice: follow the system&apos;s language&quot;.</extracomment>
        <translation>Preferências</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>Idioma do sistema ({language})</translation>
    </message>
    <message>
        <source>Menus, panels, messages, numbers and dates change at once. Reports and maps you export are written in the language chosen when you export them.</source>
        <translation>Menus, painéis, mensagens, números e datas mudam na hora. Os relatórios e mapas que você exportar são escritos no idioma escolhido ao exportá-los.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferências…</translation>
    </message>
    <message>
        <source>Choose the language of ccgeo</source>
        <translation>Escolher o idioma do ccgeo</translation>
    </message>
    <message>
        <source>Layer</source>
        <extracomment>The columns of the data sources table (English; `tr` where shown).</extracomment>
        <translation>Camada</translation>
    </message>
    <message>
        <source>File</source>
        <extracomment>Columns of the table, by note attribute, with their headers (English; shown through `tr`).</extracomment>
        <translation>Arquivo</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Linhas</translation>
    </message>
    <message>
        <source>Facilities</source>
        <extracomment>The name of each layer a source was imported into (English; `tr` where shown).</extracomment>
        <translation>Estabelecimentos</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>Vias</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>Distritos</translation>
    </message>
    <message>
        <source>Project properties</source>
        <translation>Propriedades do projeto</translation>
    </message>
    <message>
        <source>e.g. PCR access, Northern Province 2025</source>
        <translation>ex.: Acesso a PCR, Província do Norte 2025</translation>
    </message>
    <message>
        <source>Shown in the title bar, on the HTML map and on the report</source>
        <translation>Aparece na barra de título, no mapa HTML e no relatório</translation>
    </message>
    <message>
        <source>What this project is for, whose data it holds, what was decided…</source>
        <translation>Para que serve este projeto, de quem são os dados, o que foi decidido…</translation>
    </message>
    <message>
        <source>Printed under the title of the HTML map and the report</source>
        <translation>Impresso sob o título do mapa HTML e do relatório</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Ainda não salvo</translation>
    </message>
    <message>
        <source>The project file (File ▸ Save As to save it elsewhere)</source>
        <translation>O arquivo do projeto (Arquivo ▸ Salvar como para salvá-lo em outro lugar)</translation>
    </message>
    <message>
        <source>The files the project&apos;s layers were imported from, and when</source>
        <translation>Os arquivos dos quais as camadas do projeto foram importadas, e quando</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descrição:</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Fontes de dados</translation>
    </message>
    <message>
        <source>Data: none yet: import data with File ▸ Import</source>
        <translation>Dados: nenhum ainda; importe dados com Arquivo ▸ Importar</translation>
    </message>
    <message>
        <source>A project needs a name; type one, or keep “{untitled}” until you choose one.</source>
        <translation>Um projeto precisa de um nome; digite um ou mantenha “{untitled}” até escolher um.</translation>
    </message>
    <message>
        <source>Pro&amp;ject properties…</source>
        <translation>Propriedades do pro&amp;jeto…</translation>
    </message>
    <message>
        <source>Name and describe the project; see the files its data came from</source>
        <translation>Nomear e descrever o projeto; ver os arquivos de onde vieram os dados</translation>
    </message>
    <message>
        <source>The project is now called “{name}”: save it to keep it (Ctrl+S)</source>
        <translation>O projeto agora se chama “{name}”: salve-o para mantê-lo (Ctrl+S)</translation>
    </message>
    <message>
        <source>Description changed: save it to keep it (Ctrl+S)</source>
        <translation>Descrição alterada: salve o projeto para mantê-la (Ctrl+S)</translation>
    </message>
    <message>
        <source>The settings of the last run of the access analysis.</source>
        <extracomment>The guide&apos;s contents page. The guide page of each dock (`MainWindow.docks` key): F1 in the dock opens it. How the pages look in the help window (Qt&apos;s rich text reads this subset of CSS).</extracomment>
        <translation>As configurações da última execução da análise de acesso.</translation>
    </message>
    <message>
        <source>No analysis has run yet: these are the settings the next run will use.</source>
        <translation>Nenhuma análise foi executada ainda: estas são as configurações que a próxima execução vai usar.</translation>
    </message>
    <message>
        <source>Methods and assumptions</source>
        <translation>Métodos e premissas</translation>
    </message>
    <message>
        <source>The printed report carries the same page.</source>
        <translation>O relatório impresso traz esta mesma página.</translation>
    </message>
    <message>
        <source>ccgeo help</source>
        <translation>Ajuda do ccgeo</translation>
    </message>
    <message>
        <source>The page; links open other pages of the guide</source>
        <translation>A página; os links abrem outras páginas do guia</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Voltar</translation>
    </message>
    <message>
        <source>The page shown before (Alt+Left)</source>
        <translation>A página mostrada antes (Alt+Esquerda)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Avançar</translation>
    </message>
    <message>
        <source>The page shown after (Alt+Right)</source>
        <translation>A página mostrada depois (Alt+Direita)</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Conteúdo</translation>
    </message>
    <message>
        <source>The guide&apos;s contents: one page per task</source>
        <translation>O conteúdo do guia: uma página por tarefa</translation>
    </message>
    <message>
        <source>&amp;Methods and assumptions</source>
        <translation>&amp;Métodos e premissas</translation>
    </message>
    <message>
        <source>How the numbers are computed, with the settings in use</source>
        <translation>Como os números são calculados, com as configurações em uso</translation>
    </message>
    <message>
        <source>Close the help (Esc)</source>
        <translation>Fechar a ajuda (Esc)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guia do usuário</translation>
    </message>
    <message>
        <source>How to do each task, offline; in a panel, F1 opens the page of that panel (F1)</source>
        <translation>Como fazer cada tarefa, off-line; em um painel, F1 abre a página desse painel (F1)</translation>
    </message>
    <message>
        <source>How the numbers are computed and what they assume, for the settings in use</source>
        <translation>Como os números são calculados e o que pressupõem, para as configurações em uso</translation>
    </message>
    <message>
        <source>Roads © OpenStreetMap contributors</source>
        <extracomment>The credit of OpenStreetMap roads (English; `tr` where shown).</extracomment>
        <translation>Vias © colaboradores do OpenStreetMap</translation>
    </message>
    <message>
        <source>the project file is a folder, not a project file; check the path</source>
        <translation>o arquivo de projeto é uma pasta, não um arquivo de projeto; verifique o caminho</translation>
    </message>
    <message>
        <source>the project file does not exist; check the path</source>
        <translation>o arquivo de projeto não existe; verifique o caminho</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Abrindo {name}…</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>Salvando {name}…</translation>
    </message>
    <message>
        <source>Saving a copy as {name}…</source>
        <translation>Salvando uma cópia como {name}…</translation>
    </message>
    <message>
        <source>SYNTHETIC demo data: not a real city</source>
        <translation>Dados de demonstração SINTÉTICOS: não é uma cidade real</translation>
    </message>
    <message>
        <source>Roads and base map © OpenStreetMap contributors</source>
        <translation>Vias e mapa base © colaboradores do OpenStreetMap</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>A cada %n minuto</numerusform>
            <numerusform>A cada %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Layers</source>
        <extracomment>The size of a new main window, pixels, before it fits the screen. The project&apos;s data changed (an edit, an import, a what-if); the flag says unsaved or not. Facilities were edited (changed ids; empty when the whole layer was replaced). The capacity of facilities was edited (their ids): only the lab capacity depends on it. When True, errors go to the log and `taskFailed` only (no modal box): screenshot runs. The project is open in another window (`ccgeo.gui.project_lock`): Save saves a copy. When False, opened and saved projects are not added to the recent files. A note for the status bar once the first project is shown (it makes the text). What made the status bar&apos;s text (`say`) and the text it made, to write it again. The one history of the user&apos;s edits (what-if, layers, attributes): Edit ▸ Undo.</extracomment>
        <translation>Camadas</translation>
    </message>
    <message>
        <source>&amp;Layers panel</source>
        <extracomment>The base map chosen in View ▸ Base map and its layers. Menus by key (&quot;file&quot;, &quot;edit&quot;, &quot;view&quot;, &quot;layer&quot;, &quot;analysis&quot;, &quot;help&quot;), for extensions. Dock widgets by key, for extensions and tests.</extracomment>
        <translation>Painel de &amp;camadas</translation>
    </message>
    <message>
        <source>Show or hide the layer panel</source>
        <translation>Mostrar ou ocultar o painel de camadas</translation>
    </message>
    <message>
        <source>Show or hide the {panel} panel</source>
        <translation>Mostrar ou ocultar o painel “{panel}”</translation>
    </message>
    <message>
        <source>&amp;About ccgeo</source>
        <translation>&amp;Sobre o ccgeo</translation>
    </message>
    <message>
        <source>Version, data sources and credits</source>
        <translation>Versão, fontes de dados e créditos</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Novo projeto</translation>
    </message>
    <message>
        <source>Start an empty project (asks to save the changes to this one first)</source>
        <translation>Começar um projeto vazio (antes pergunta se deve salvar as alterações deste)</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>&amp;Fechar projeto</translation>
    </message>
    <message>
        <source>Close this project (asks to save its changes first)</source>
        <translation>Fechar este projeto (antes pergunta se deve salvar as alterações)</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>&amp;Limpar a lista</translation>
    </message>
    <message>
        <source>Forget the recently opened projects (the files are not touched)</source>
        <translation>Esquecer os projetos abertos recentemente (os arquivos não são alterados)</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Abrir projeto…</translation>
    </message>
    <message>
        <source>Open a .ccgeo project file (asks to save the changes to this one first)</source>
        <translation>Abrir um arquivo de projeto .ccgeo (antes pergunta se deve salvar as alterações deste)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>Save the project to its file</source>
        <translation>Salvar o projeto no seu arquivo</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Salvar &amp;como…</translation>
    </message>
    <message>
        <source>Save the project to a new .ccgeo file</source>
        <translation>Salvar o projeto em um novo arquivo .ccgeo</translation>
    </message>
    <message>
        <source>Save a Copy as &amp;GeoPackage…</source>
        <translation>Salvar uma cópia como &amp;GeoPackage…</translation>
    </message>
    <message>
        <source>Save a copy of the project as a .gpkg file that QGIS opens with ccgeo&apos;s styles; the project keeps its own file</source>
        <translation>Salvar uma cópia do projeto como arquivo .gpkg, que o QGIS abre com os estilos do ccgeo; o projeto mantém o seu próprio arquivo</translation>
    </message>
    <message>
        <source>&amp;Export view as PNG…</source>
        <translation>&amp;Exportar vista como PNG…</translation>
    </message>
    <message>
        <source>Save the map as shown, with scale bar and north arrow, as a PNG image</source>
        <translation>Salvar o mapa como está na tela, com barra de escala e seta do norte, como imagem PNG</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sai&amp;r</translation>
    </message>
    <message>
        <source>Close ccgeo</source>
        <translation>Fechar o ccgeo</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Aproximar</translation>
    </message>
    <message>
        <source>Zoom in on the centre of the map (+, or the mouse wheel)</source>
        <translation>Aproximar no centro do mapa (+, ou a roda do mouse)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>A&amp;fastar</translation>
    </message>
    <message>
        <source>Zoom out from the centre of the map (−, or the mouse wheel)</source>
        <translation>Afastar a partir do centro do mapa (−, ou a roda do mouse)</translation>
    </message>
    <message>
        <source>Zoom to &amp;full extent</source>
        <translation>&amp;Extensão total</translation>
    </message>
    <message>
        <source>Show every layer (Ctrl+0 or Home)</source>
        <translation>Mostrar todas as camadas (Ctrl+0 ou Home)</translation>
    </message>
    <message>
        <source>&amp;Pan mode</source>
        <translation>Modo &amp;deslocar</translation>
    </message>
    <message>
        <source>Drag the map to move it</source>
        <translation>Arrastar o mapa para movê-lo</translation>
    </message>
    <message>
        <source>Zoom &amp;box mode</source>
        <translation>Modo zoom por &amp;retângulo</translation>
    </message>
    <message>
        <source>Drag a rectangle to zoom to it; click to zoom in</source>
        <translation>Arrastar um retângulo para aproximar nele; clicar para aproximar</translation>
    </message>
    <message>
        <source>From the project&apos;s &amp;OSM data</source>
        <translation>Dos dados &amp;OSM do projeto</translation>
    </message>
    <message>
        <source>Draw water, parks, built-up land and place names from the roads&apos; OpenStreetMap file under the layers; works offline</source>
        <translation>Desenhar sob as camadas a água, os parques, as áreas urbanizadas e os nomes de lugares do arquivo OpenStreetMap das vias; funciona off-line</translation>
    </message>
    <message>
        <source>From a &amp;tiles file…</source>
        <translation>De um arquivo de &amp;blocos…</translation>
    </message>
    <message>
        <source>Draw the raster tiles of an MBTiles or PMTiles file you have under the layers; works offline</source>
        <translation>Desenhar sob as camadas os blocos raster de um arquivo MBTiles ou PMTiles que você tenha; funciona off-line</translation>
    </message>
    <message>
        <source>OpenStreetMap &amp;web tiles (online)</source>
        <translation>Blocos &amp;web do OpenStreetMap (on-line)</translation>
    </message>
    <message>
        <source>Draw OpenStreetMap tiles under the layers; tiles are kept on disk and reused offline</source>
        <translation>Desenhar blocos do OpenStreetMap sob as camadas; ficam guardados no disco e são reutilizados off-line</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <comment>base map</comment>
        <translation>&amp;Nenhum</translation>
    </message>
    <message>
        <source>No base map: the roads and districts are the base map</source>
        <translation>Sem mapa base: as vias e os distritos servem de mapa base</translation>
    </message>
    <message numerus="yes">
        <source>Keep a recovery copy of unsaved changes at least every %n minute(s)</source>
        <translation>
            <numerusform>Manter uma cópia de recuperação das alterações não salvas pelo menos a cada %n minuto</numerusform>
            <numerusform>Manter uma cópia de recuperação das alterações não salvas pelo menos a cada %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir r&amp;ecente</translation>
    </message>
    <message>
        <source>A&amp;utosave</source>
        <translation>Salvamento a&amp;utomático</translation>
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
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <source>B&amp;ase map</source>
        <translation>Mapa &amp;base</translation>
    </message>
    <message>
        <source>Pa&amp;nels</source>
        <translation>Pa&amp;inéis</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>&amp;Camada</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nálise</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>Main</source>
        <comment>toolbar</comment>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>Cancel what is running</source>
        <translation>Cancelar o que está em execução</translation>
    </message>
    <message>
        <source>Longitude, latitude under the cursor (WGS 84, degrees)</source>
        <translation>Longitude, latitude sob o cursor (WGS 84, graus)</translation>
    </message>
    <message>
        <source>Map scale on this screen</source>
        <translation>Escala do mapa nesta tela</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n layer(s)</source>
        <translation>
            <numerusform>{name}: %n camada</numerusform>
            <numerusform>{name}: %n camadas</numerusform>
        </translation>
    </message>
    <message>
        <source>The base map&apos;s tiles file {path} no longer exists; drawing the base map from the project&apos;s OpenStreetMap data instead</source>
        <translation>O arquivo de blocos do mapa base {path} não existe mais; o mapa base é desenhado com os dados OpenStreetMap do projeto</translation>
    </message>
    <message>
        <source>Cannot use this tiles file as base map</source>
        <translation>Não é possível usar este arquivo de blocos como mapa base</translation>
    </message>
    <message>
        <source>Base map from a tiles file</source>
        <translation>Mapa base de um arquivo de blocos</translation>
    </message>
    <message>
        <source>Raster tiles (MBTiles, PMTiles)</source>
        <translation>Blocos raster (MBTiles, PMTiles)</translation>
    </message>
    <message>
        <source>{name} (read-only)</source>
        <translation>{name} (somente leitura)</translation>
    </message>
    <message>
        <source>The last project {path} no longer exists; showing the demo city instead</source>
        <translation>O último projeto {path} não existe mais; é mostrada a cidade de demonstração</translation>
    </message>
    <message>
        <source>Restore unsaved changes?</source>
        <translation>Restaurar as alterações não salvas?</translation>
    </message>
    <message>
        <source>Restored the unsaved changes from {when}; save to keep them</source>
        <translation>As alterações não salvas de {when} foram restauradas; salve para mantê-las</translation>
    </message>
    <message>
        <source>the project</source>
        <translation>o projeto</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Alterações não salvas</translation>
    </message>
    <message>
        <source>“{name}” has changes that are not saved.

Save them before closing it?</source>
        <translation>“{name}” tem alterações que não foram salvas.

Salvá-las antes de fechá-lo?</translation>
    </message>
    <message>
        <source>No project: open one, start a new one, or import data</source>
        <translation>Nenhum projeto: abra um, comece um novo ou importe dados</translation>
    </message>
    <message>
        <source>{name} (missing)</source>
        <translation>{name} (não encontrado)</translation>
    </message>
    <message>
        <source>Open {path}</source>
        <translation>Abrir {path}</translation>
    </message>
    <message>
        <source>{path} no longer exists (moved, renamed or deleted)</source>
        <translation>{path} não existe mais (movido, renomeado ou excluído)</translation>
    </message>
    <message>
        <source>Loading the demo city…</source>
        <translation>Carregando a cidade de demonstração…</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Abrir projeto</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Salvar projeto como</translation>
    </message>
    <message>
        <source>Project open in another window</source>
        <translation>Projeto aberto em outra janela</translation>
    </message>
    <message>
        <source>{name} is open in another ccgeo window, which saves it: save this one under another name (File ▸ Save As), or close the other window and open it again.</source>
        <translation>{name} está aberto em outra janela do ccgeo, que é quem o salva: salve este com outro nome (Arquivo ▸ Salvar como) ou feche a outra janela e abra-o de novo.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Salvo em {path}</translation>
    </message>
    <message>
        <source>Save a copy as GeoPackage</source>
        <translation>Salvar uma cópia como GeoPackage</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Saved a copy as {path}; QGIS opens it with ccgeo&apos;s styles</source>
        <translation>Cópia salva como {path}; o QGIS a abre com os estilos do ccgeo</translation>
    </message>
    <message>
        <source>Export view as PNG</source>
        <translation>Exportar vista como PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagem PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not export the view</source>
        <translation>Não foi possível exportar a vista</translation>
    </message>
    <message>
        <source>{path}: the image could not be written; check that the folder exists and that you may write to it, and that the disk is not full.</source>
        <translation>{path}: não foi possível gravar a imagem; verifique se a pasta existe, se você pode gravar nela e se o disco não está cheio.</translation>
    </message>
    <message>
        <source>Exported the view to {path}</source>
        <translation>Vista exportada para {path}</translation>
    </message>
    <message>
        <source>map</source>
        <comment>file name</comment>
        <translation>mapa</translation>
    </message>
    <message>
        <source>About ccgeo</source>
        <translation>Sobre o ccgeo</translation>
    </message>
    <message>
        <source>&lt;p&gt;Who can reach a laboratory able to do a cancer diagnostic test (IHC, PCR, NGS), and who cannot.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Quem consegue chegar a um laboratório capaz de fazer um exame de diagnóstico de câncer (IHQ, PCR, NGS) e quem não consegue.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Road and map data © OpenStreetMap contributors, available under the Open Database Licence (ODbL).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dados de vias e do mapa © colaboradores do OpenStreetMap, disponíveis sob a Open Database Licence (ODbL).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This project holds SYNTHETIC demo data: the city, its people and its facilities are not real.</source>
        <translation>Este projeto contém dados de demonstração SINTÉTICOS: a cidade, sua população e seus estabelecimentos não são reais.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Synthetic data.&lt;/b&gt; {note}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Dados sintéticos.&lt;/b&gt; {note}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{task}: done</source>
        <translation>{task}: concluído</translation>
    </message>
    <message>
        <source>{task}: failed</source>
        <translation>{task}: falhou</translation>
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
        <translation>Qualquer laboratório</translation>
    </message>
    <message>
        <source>In external quality assessment</source>
        <translation>Com controle externo da qualidade</translation>
    </message>
    <message>
        <source>In international EQA</source>
        <translation>Com controle externo internacional</translation>
    </message>
    <message>
        <source>Accredited (ISO 15189, CAP, …)</source>
        <translation>Acreditado (ISO 15189, CAP, …)</translation>
    </message>
    <message>
        <source>In EQA or accredited</source>
        <translation>Com controle externo ou acreditado</translation>
    </message>
    <message>
        <source>any lab</source>
        <extracomment>The quality filters inside a sentence (`analysis_line`).</extracomment>
        <translation>qualquer laboratório</translation>
    </message>
    <message>
        <source>in external quality assessment</source>
        <translation>com controle externo da qualidade</translation>
    </message>
    <message>
        <source>in international EQA</source>
        <translation>com controle externo internacional</translation>
    </message>
    <message>
        <source>accredited (ISO 15189, CAP, …)</source>
        <translation>acreditados (ISO 15189, CAP, …)</translation>
    </message>
    <message>
        <source>in EQA or accredited</source>
        <translation>com controle externo ou acreditados</translation>
    </message>
    <message>
        <source>Car</source>
        <extracomment>The bundled travel modes as a choice (English; shown through `tr`: `mode_label`).</extracomment>
        <translation>Carro</translation>
    </message>
    <message>
        <source>Motorbike</source>
        <translation>Moto</translation>
    </message>
    <message>
        <source>Walking</source>
        <translation>A pé</translation>
    </message>
    <message>
        <source>by car</source>
        <extracomment>The bundled travel modes inside a sentence (`mode_phrase`).</extracomment>
        <translation>de carro</translation>
    </message>
    <message>
        <source>by motorbike</source>
        <translation>de moto</translation>
    </message>
    <message>
        <source>by walking</source>
        <translation>a pé</translation>
    </message>
    <message>
        <source>by {mode}</source>
        <translation>de {mode}</translation>
    </message>
    <message>
        <source>, traffic ×{factor}</source>
        <translation>, trânsito ×{factor}</translation>
    </message>
    <message>
        <source>{test} labs ({quality}), {mode}{traffic}{edits}</source>
        <translation>Laboratórios de {test} ({quality}), {mode}{traffic}{edits}</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Concluído.</translation>
    </message>
    <message>
        <source>Done: {settings}.</source>
        <translation>Concluído: {settings}.</translation>
    </message>
    <message>
        <source>Access analysis: {settings}…</source>
        <extracomment>Name of the live what-if when a panel analyses it as a scenario. Wait this long after a facility edit before rerunning, so a burst of edits runs once, ms. The window&apos;s one history: what-if edits share it with layer and attribute edits, so that Ctrl+Z undoes the user&apos;s last edit, whichever panel it was made in. The last context menu shown on the map (kept alive; tests read it).</extracomment>
        <translation>Análise de acesso: {settings}…</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>Simulação</translation>
    </message>
    <message>
        <source>Some edits were skipped</source>
        <translation>Algumas alterações não foram aplicadas</translation>
    </message>
    <message>
        <source>Could not redraw the catchments: {message}</source>
        <translation>Não foi possível redesenhar as áreas de abrangência: {message}</translation>
    </message>
    <message>
        <source>Open a project to analyse it.</source>
        <extracomment>Underserved areas of the current what-if (EPSG:4326), as drawn. Writes the state line (again when the language changes).</extracomment>
        <translation>Abra um projeto para analisá-lo.</translation>
    </message>
    <message>
        <source>The test a lab must be able to do to count</source>
        <translation>O exame que um laboratório precisa poder fazer para contar</translation>
    </message>
    <message>
        <source>Only labs meeting this quality standard count</source>
        <translation>Só contam os laboratórios que atendem a este padrão de qualidade</translation>
    </message>
    <message>
        <source>How people travel to the lab (the modes of the speed file)</source>
        <translation>Como as pessoas se deslocam até o laboratório (os meios do arquivo de velocidades)</translation>
    </message>
    <message>
        <source>Travel-time thresholds in minutes, inclusive, e.g. 30, 60, 120</source>
        <translation>Limiares de tempo de deslocamento em minutos, inclusive, p. ex. 30, 60, 120</translation>
    </message>
    <message>
        <source>Peak-hour traffic: travel times multiplied by this (1 = free flow; an assumption)</source>
        <translation>Trânsito no horário de pico: os tempos de deslocamento são multiplicados por este valor (1 = fluxo livre; uma premissa)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <source>Use your own speed file (TOML, the format of resources/speeds.toml): its speeds per road class and its modes are merged over the bundled ones</source>
        <translation>Use seu próprio arquivo de velocidades (TOML, o formato de resources/speeds.toml): suas velocidades por classe de via e seus meios são mesclados sobre os incluídos</translation>
    </message>
    <message>
        <source>Bundled</source>
        <translation>Incluídas</translation>
    </message>
    <message>
        <source>Go back to the bundled speeds (OSRM car profile, 5 km/h walk)</source>
        <translation>Voltar às velocidades incluídas (perfil de carro do OSRM, 5 km/h a pé)</translation>
    </message>
    <message>
        <source>Farthest a person or a lab may be from a road; people farther count as off the network and labs farther are left out (and listed)</source>
        <translation>Distância máxima entre uma pessoa ou um laboratório e uma via; pessoas mais distantes contam como fora da rede e laboratórios mais distantes ficam de fora (e são listados)</translation>
    </message>
    <message>
        <source>Walking speed between a home (or a lab) and the road</source>
        <translation>Velocidade a pé entre uma casa (ou um laboratório) e a via</translation>
    </message>
    <message>
        <source>Run analysis</source>
        <translation>Executar análise</translation>
    </message>
    <message>
        <source>Run the access analysis with these settings (F5)</source>
        <translation>Executar a análise de acesso com estas configurações (F5)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop the analysis under way</source>
        <translation>Parar a análise em andamento</translation>
    </message>
    <message>
        <source>No facility of the project, with the what-if edits, counts as a lab for this test and quality: everyone would be unreachable</source>
        <translation>Nenhum estabelecimento do projeto, com as alterações da simulação, conta como laboratório para este exame e esta qualidade: ninguém teria acesso</translation>
    </message>
    <message>
        <source>Test</source>
        <extracomment>The label (or plain words) of every setting, argument and column a message may name, by name (English; translated where a message is worded: `label_of`).</extracomment>
        <translation>Exame</translation>
    </message>
    <message>
        <source>Lab quality</source>
        <translation>Qualidade do laboratório</translation>
    </message>
    <message>
        <source>Travel mode</source>
        <translation>Meio de transporte</translation>
    </message>
    <message>
        <source>Speeds</source>
        <translation>Velocidades</translation>
    </message>
    <message>
        <source>Thresholds (min)</source>
        <translation>Limiares (min)</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Trânsito</translation>
    </message>
    <message>
        <source>Off-road up to</source>
        <translation>Fora da via até</translation>
    </message>
    <message>
        <source>Walking to road</source>
        <translation>A pé até a via</translation>
    </message>
    <message>
        <source>Cancelled: no new results.</source>
        <translation>Cancelado: não há resultados novos.</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>incluídas</translation>
    </message>
    <message>
        <source>The speeds that ship with ccgeo</source>
        <translation>As velocidades que vêm com o ccgeo</translation>
    </message>
    <message>
        <source>Choose a speed file</source>
        <translation>Escolher um arquivo de velocidades</translation>
    </message>
    <message>
        <source>Speed files ({patterns})</source>
        <translation>Arquivos de velocidades ({patterns})</translation>
    </message>
    <message>
        <source>All files ({patterns})</source>
        <translation>Todos os arquivos ({patterns})</translation>
    </message>
    <message>
        <source>Running…</source>
        <extracomment>When the plan shown was made and whether the data changed since (`show_saved`).</extracomment>
        <translation>Executando…</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Falhou.</translation>
    </message>
    <message>
        <source>Nothing to analyse yet: import roads, population and facilities (File ▸ Import).</source>
        <translation>Ainda não há nada para analisar: importe vias, população e estabelecimentos (Arquivo ▸ Importar).</translation>
    </message>
    <message>
        <source>⚠ Results are out of date: {reason}. Press Run (F5).</source>
        <translation>⚠ Os resultados estão desatualizados: {reason}. Pressione Executar (F5).</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Análise</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Cenários</translation>
    </message>
    <message>
        <source>Undo the last edit: what-if, layer or facility attribute (Ctrl+Z)</source>
        <translation>Desfazer a última alteração: simulação, camada ou atributo de um estabelecimento (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo the edit undone last (Ctrl+Shift+Z or Ctrl+Y)</source>
        <translation>Refazer a última alteração desfeita (Ctrl+Shift+Z ou Ctrl+Y)</translation>
    </message>
    <message>
        <source>a facility was edited</source>
        <translation>um estabelecimento foi alterado</translation>
    </message>
    <message>
        <source>&amp;Run analysis</source>
        <translation>&amp;Executar análise</translation>
    </message>
    <message>
        <source>Run the access analysis with the settings of the Analysis panel (F5)</source>
        <translation>Executar a análise de acesso com as configurações do painel Análise (F5)</translation>
    </message>
    <message>
        <source>&amp;Cancel analysis</source>
        <translation>&amp;Cancelar análise</translation>
    </message>
    <message>
        <source>Stop the analysis under way (Ctrl+.)</source>
        <translation>Parar a análise em andamento (Ctrl+.)</translation>
    </message>
    <message>
        <source>&amp;Place hub</source>
        <translation>&amp;Instalar laboratório de referência</translation>
    </message>
    <message>
        <source>Click on the map to place a candidate hub, drag one to move it, right-click to remove it (H)</source>
        <translation>Clique no mapa para instalar um laboratório de referência candidato, arraste-o para movê-lo, clique com o botão direito para removê-lo (H)</translation>
    </message>
    <message>
        <source>Reset &amp;what-if</source>
        <translation>Redefinir &amp;simulação</translation>
    </message>
    <message>
        <source>Remove every candidate hub, upgrade and closure (undoable)</source>
        <translation>Remover todos os laboratórios de referência candidatos, ampliações e fechamentos (pode ser desfeito)</translation>
    </message>
    <message>
        <source>&amp;Redo {edit}</source>
        <extracomment>The text of the edit the action undoes (redoes); &quot;&quot; when there is none.</extracomment>
        <translation>&amp;Refazer {edit}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Refazer</translation>
    </message>
    <message>
        <source>&amp;Undo {edit}</source>
        <translation>&amp;Desfazer {edit}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Desfazer</translation>
    </message>
    <message>
        <source>Reset what-if</source>
        <translation>Redefinir simulação</translation>
    </message>
    <message>
        <source>capacity should be a number of tests per year, got {text}; type digits only (or leave the cell blank when it is not known)</source>
        <extracomment>Role giving the raw value a column sorts by (numbers as numbers, not as text). Columns of the facility table whose cells can be edited, with the values a combo offers. The capacity column, edited as a number of tests per year (blank: unknown). Edits of these columns change which labs count in an analysis. Import-report severities in the order a reviewer works through them.</extracomment>
        <translation>a capacidade deve ser um número de exames por ano, foi recebido {text}; digite só algarismos (ou deixe a célula vazia quando não for conhecida)</translation>
    </message>
    <message>
        <source>capacity should be 0 or more tests per year, got {text}; type a number ≥ 0</source>
        <translation>a capacidade deve ser de 0 ou mais exames por ano, foi recebido {text}; digite um número ≥ 0</translation>
    </message>
    <message>
        <source>Edit {facility} {column}: {old} → {new}</source>
        <translation>Editar {facility} {column}: {old} → {new}</translation>
    </message>
    <message>
        <source>{value}
(flagged for review)</source>
        <translation>{value}
(marcado para revisão)</translation>
    </message>
    <message>
        <source>{column} should be one of {allowed}, got {value}; pick one in the list</source>
        <translation>{column} deve ser um destes valores: {allowed}; foi recebido {value}; escolha um da lista</translation>
    </message>
    <message>
        <source>Filter by id or name…</source>
        <translation>Filtrar por ID ou nome…</translation>
    </message>
    <message>
        <source>Show only facilities whose id or name contains this text</source>
        <translation>Mostrar só os estabelecimentos cujo ID ou nome contém este texto</translation>
    </message>
    <message>
        <source>Show only facilities with this capability</source>
        <translation>Mostrar só os estabelecimentos com esta capacidade diagnóstica</translation>
    </message>
    <message>
        <source>Show only facilities imported with a doubt to check</source>
        <translation>Mostrar só os estabelecimentos importados com uma dúvida a verificar</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>Zoom na seleção</translation>
    </message>
    <message>
        <source>Show every selected facility on the map (Ctrl+J)</source>
        <translation>Mostrar no mapa todos os estabelecimentos selecionados (Ctrl+J)</translation>
    </message>
    <message>
        <source>Tick capabilities, choose EQA and accreditation, type the capacity (tests per year) to correct a facility (undo with Ctrl+Z); double-click a row to zoom to it</source>
        <extracomment>Why the last edit was refused (hidden after a good edit).</extracomment>
        <translation>Marque as capacidades, escolha o controle externo da qualidade e a acreditação, digite a capacidade (exames por ano) para corrigir um estabelecimento (desfazer com Ctrl+Z); clique duas vezes em uma linha para aproximar o mapa dele</translation>
    </message>
    <message>
        <source>All capabilities</source>
        <translation>Todas as capacidades</translation>
    </message>
    <message>
        <source>Can do {test}</source>
        <translation>Pode fazer {test}</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} de {total}</translation>
    </message>
    <message>
        <source>The districts and their attributes; click a header to sort</source>
        <translation>Os distritos e seus atributos; clique em um cabeçalho para ordenar</translation>
    </message>
    <message>
        <source>Which imported file&apos;s report to show</source>
        <translation>Qual relatório de arquivo importado mostrar</translation>
    </message>
    <message>
        <source>Each row of the imported file rejected or to look at: the problem and the fix</source>
        <translation>Cada linha do arquivo importado rejeitada ou a verificar: o problema e a correção</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Relatório de importação</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>The facilities: edit what each lab can do</source>
        <translation>Os estabelecimentos: edite o que cada laboratório pode fazer</translation>
    </message>
    <message>
        <source>The districts&apos; attributes</source>
        <translation>Os atributos dos distritos</translation>
    </message>
    <message>
        <source>What the facility imports found in each row</source>
        <translation>O que as importações de estabelecimentos encontraram em cada linha</translation>
    </message>
    <message>
        <source>Everything to review behind the results: rows rejected or changed on import, people outside the roads or in no district, labs the analysis could not use</source>
        <translation>Tudo o que revisar por trás dos resultados: linhas rejeitadas ou alteradas na importação, pessoas fora das vias ou em nenhum distrito, laboratórios que a análise não pôde usar</translation>
    </message>
    <message>
        <source>(unnamed file)</source>
        <translation>(arquivo sem nome)</translation>
    </message>
    <message>
        <source>No facility file has been imported in this project.</source>
        <translation>Nenhum arquivo de estabelecimentos foi importado neste projeto.</translation>
    </message>
    <message>
        <source>2SFCA</source>
        <translation>2SFCA</translation>
    </message>
    <message>
        <source>E2SFCA (nearer weighs more)</source>
        <translation>E2SFCA (o mais próximo pesa mais)</translation>
    </message>
    <message>
        <source>Coverage limited by capacity</source>
        <translation>Cobertura limitada pela capacidade</translation>
    </message>
    <message>
        <source>Two-step floating catchment (Luo and Wang 2003): each lab&apos;s capacity is shared by the need within the time limit; a place sums the shares of the labs it reaches</source>
        <translation>Área de abrangência flutuante em dois passos (Luo e Wang 2003): a capacidade de cada laboratório é dividida pela necessidade dentro do limite de tempo; cada lugar soma as partes dos laboratórios que alcança</translation>
    </message>
    <message>
        <source>Enhanced 2SFCA (Luo and Qi 2009): like 2SFCA, with travel-time bands that count farther labs and people less</source>
        <translation>2SFCA aprimorado (Luo e Qi 2009): como o 2SFCA, com faixas de tempo de deslocamento que contam menos os laboratórios e as pessoas mais distantes</translation>
    </message>
    <message>
        <source>AccessMod-style coverage: each lab takes the nearest uncovered need until its capacity or the time limit runs out</source>
        <translation>Cobertura no estilo do AccessMod: cada laboratório atende a necessidade não coberta mais próxima até esgotar sua capacidade ou o limite de tempo</translation>
    </message>
    <message>
        <source>Largest capacity first</source>
        <translation>Maior capacidade primeiro</translation>
    </message>
    <message>
        <source>Most need within the limit first</source>
        <translation>Mais necessidade dentro do limite primeiro</translation>
    </message>
    <message>
        <source>Order of the facility list</source>
        <translation>Ordem da lista de estabelecimentos</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Laboratório</translation>
    </message>
    <message>
        <source>Capacity (tests/yr)</source>
        <translation>Capacidade (exames/ano)</translation>
    </message>
    <message>
        <source>Need in reach (tests/yr)</source>
        <translation>Necessidade ao alcance (exames/ano)</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Razão</translation>
    </message>
    <message>
        <source>Scenario files and batch comparisons (*.toml comparison.csv)</source>
        <extracomment>The table the batch writes in its output folder. What File ▸ Open Scenario Batch… offers: scenario files, and the table of a batch run before.</extracomment>
        <translation>Arquivos de cenários e comparações de lotes (*.toml comparison.csv)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <source>Speed file</source>
        <translation>Arquivo de velocidades</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Limiares</translation>
    </message>
    <message>
        <source>Road closures</source>
        <translation>Vias fechadas</translation>
    </message>
    <message>
        <source>Hubs</source>
        <translation>Laboratórios de referência</translation>
    </message>
    <message>
        <source>Sample referral</source>
        <translation>Encaminhamento de amostras</translation>
    </message>
    <message>
        <source>Labs used</source>
        <translation>Laboratórios usados</translation>
    </message>
    <message>
        <source>Off the road network</source>
        <translation>Fora da rede viária</translation>
    </message>
    <message>
        <source>Mean time</source>
        <translation>Tempo médio</translation>
    </message>
    <message>
        <source>Underserved people</source>
        <translation>Pessoas desassistidas</translation>
    </message>
    <message>
        <source>Sited hubs</source>
        <translation>Laboratórios localizados</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erro</translation>
    </message>
    <message>
        <source>One row per scenario: its values and its results, as in comparison.csv</source>
        <extracomment>Columns shown as written (names, ids, the axis values).</extracomment>
        <translation>Uma linha por cenário: seus valores e seus resultados, como em comparison.csv</translation>
    </message>
    <message>
        <source>Open a scenario file, or the comparison.csv of a folder written by `ccgeo batch` (File ▸ Open Scenario Batch…).</source>
        <translation>Abra um arquivo de cenários, ou o comparison.csv de uma pasta gravada por `ccgeo batch` (Arquivo ▸ Abrir lote de cenários…).</translation>
    </message>
    <message numerus="yes">
        <source>%n scenario(s) from {folder}; {failed} failed</source>
        <translation>
            <numerusform>%n cenário de {folder}; {failed} com falha</numerusform>
            <numerusform>%n cenários de {folder}; {failed} com falha</numerusform>
        </translation>
    </message>
    <message>
        <source>Within {minutes} min</source>
        <translation>A até {minutes} min</translation>
    </message>
    <message>
        <source>People within {minutes} min</source>
        <translation>Pessoas a até {minutes} min</translation>
    </message>
    <message>
        <source>Referral: {value}</source>
        <translation>Encaminhamento: {value}</translation>
    </message>
    <message>
        <source>Run Scenario Batch</source>
        <translation>Executar lote de cenários</translation>
    </message>
    <message numerus="yes">
        <source>%n scenario(s) of {name} in {file}</source>
        <translation>
            <numerusform>%n cenário de {name} em {file}</numerusform>
            <numerusform>%n cenários de {name} em {file}</numerusform>
        </translation>
    </message>
    <message>
        <source>Each scenario writes its outputs in scenarios/&lt;id&gt;/ here, then comparison.csv</source>
        <translation>Cada cenário grava seus resultados aqui em scenarios/&lt;id&gt;/, e depois comparison.csv</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>The scenarios finished in this folder already are skipped; Cancel stops the batch and keeps those that finished.</source>
        <translation>Os cenários já concluídos nesta pasta são pulados; Cancelar interrompe o lote e guarda os que terminaram.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Executar</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>Pasta de saída:</translation>
    </message>
    <message>
        <source>Folder for the outputs of the scenario batch</source>
        <translation>Pasta para os resultados do lote de cenários</translation>
    </message>
    <message>
        <source>{folder} holds no comparison.csv; choose a scenario file or the comparison.csv in the --out folder of `ccgeo batch`</source>
        <translation>{folder} não contém comparison.csv; escolha um arquivo de cenários ou o comparison.csv da pasta --out de `ccgeo batch`</translation>
    </message>
    <message numerus="yes">
        <source>Scenario batch cancelled: %n finished scenario(s) kept in {folder}; run it again to go on</source>
        <translation>
            <numerusform>Lote de cenários cancelado: %n cenário concluído fica guardado em {folder}; execute-o de novo para continuar</numerusform>
            <numerusform>Lote de cenários cancelado: %n cenários concluídos ficam guardados em {folder}; execute-o de novo para continuar</numerusform>
        </translation>
    </message>
    <message>
        <source>Running the scenario batch…</source>
        <translation>Executando o lote de cenários…</translation>
    </message>
    <message>
        <source>Scenario file not read</source>
        <translation>Arquivo de cenários não lido</translation>
    </message>
    <message>
        <source>Open a scenario file, or the comparison of a scenario batch</source>
        <translation>Abrir um arquivo de cenários, ou a comparação de um lote de cenários</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Scenario batch</source>
        <translation>Lote de cenários</translation>
    </message>
    <message>
        <source>Run a scenario file (TOML) and compare its scenarios, or show the comparison of a batch run before (comparison.csv in the --out folder of `ccgeo batch`)</source>
        <translation>Executar um arquivo de cenários (TOML) e comparar seus cenários, ou mostrar a comparação de um lote já executado (comparison.csv na pasta --out de `ccgeo batch`)</translation>
    </message>
    <message>
        <source>No scenario batch there</source>
        <translation>Não há lote de cenários ali</translation>
    </message>
    <message>
        <source>Open Scenario &amp;Batch…</source>
        <translation>Abrir &amp;lote de cenários…</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Posição</translation>
    </message>
    <message>
        <source>Covered (tests/yr)</source>
        <translation>Coberto (exames/ano)</translation>
    </message>
    <message>
        <source>Capacity used</source>
        <translation>Capacidade usada</translation>
    </message>
    <message>
        <source>Reach (min)</source>
        <translation>Alcance (min)</translation>
    </message>
    <message>
        <source>Stopped by</source>
        <translation>Interrompido por</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Pessoas</translation>
    </message>
    <message>
        <source>Need (tests/yr)</source>
        <translation>Necessidade (exames/ano)</translation>
    </message>
    <message>
        <source>Accessibility</source>
        <translation>Acessibilidade</translation>
    </message>
    <message>
        <source>People with no lab in reach</source>
        <translation>Pessoas sem laboratório ao alcance</translation>
    </message>
    <message>
        <source>Share covered</source>
        <translation>Proporção coberta</translation>
    </message>
    <message>
        <source>People covered</source>
        <translation>Pessoas cobertas</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>capacity unknown</source>
        <translation>capacidade desconhecida</translation>
    </message>
    <message>
        <source>no need</source>
        <translation>sem necessidade</translation>
    </message>
    <message>
        <source>capacity full</source>
        <translation>capacidade esgotada</translation>
    </message>
    <message>
        <source>time limit</source>
        <translation>limite de tempo</translation>
    </message>
    <message>
        <source>Test, lab quality and travel mode come from the Analysis panel; the facilities count as the live what-if has them (hubs placed, labs upgraded or closed)</source>
        <translation>O exame, a qualidade do laboratório e o meio de transporte vêm do painel Análise; os estabelecimentos contam como estão na simulação atual (laboratórios de referência instalados, laboratórios ampliados ou fechados)</translation>
    </message>
    <message>
        <source>A lab is within reach up to this travel time (inclusive)</source>
        <translation>Um laboratório está ao alcance até este tempo de deslocamento (inclusive)</translation>
    </message>
    <message>
        <source>Which lab takes the need it reaches first (coverage only)</source>
        <translation>Qual laboratório atende primeiro a necessidade que alcança (só cobertura)</translation>
    </message>
    <message>
        <source>Compute capacity</source>
        <translation>Calcular capacidade</translation>
    </message>
    <message>
        <source>Compare lab capacity with the need (F9)</source>
        <translation>Comparar a capacidade dos laboratórios com a necessidade (F9)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Até</translation>
    </message>
    <message>
        <source>Lab order</source>
        <translation>Ordem dos laboratórios</translation>
    </message>
    <message>
        <source>No capacity result yet.</source>
        <translation>Ainda não há resultado de capacidade.</translation>
    </message>
    <message>
        <source>Each lab&apos;s capacity against the need within reach</source>
        <translation>A capacidade de cada laboratório frente à necessidade ao alcance</translation>
    </message>
    <message>
        <source>The result by district</source>
        <translation>O resultado por distrito</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>Laboratórios</translation>
    </message>
    <message>
        <source>By district</source>
        <translation>Por distrito</translation>
    </message>
    <message>
        <source>Each lab&apos;s capacity against the need within its reach</source>
        <translation>A capacidade de cada laboratório frente à necessidade ao seu alcance</translation>
    </message>
    <message>
        <source>Accessibility or the share of need covered, by district</source>
        <translation>Acessibilidade ou proporção da necessidade coberta, por distrito</translation>
    </message>
    <message>
        <source>E2SFCA bands {bands} min, weights {weights}.</source>
        <translation>Faixas E2SFCA {bands} min, pesos {weights}.</translation>
    </message>
    <message>
        <source>Open a project first (File ▸ Open).</source>
        <translation>Abra um projeto primeiro (Arquivo ▸ Abrir).</translation>
    </message>
    <message>
        <source>Comparing {test} lab capacity with the need…</source>
        <translation>Comparando a capacidade dos laboratórios de {test} com a necessidade…</translation>
    </message>
    <message>
        <source>Cancelled: the result shown (if any) is the previous one.</source>
        <translation>Cancelado: o resultado mostrado (se houver) é o anterior.</translation>
    </message>
    <message numerus="yes">
        <source>Done: {method}, %n labs{edits}.</source>
        <translation>
            <numerusform>Concluído: {method}, %n laboratório{edits}.</numerusform>
            <numerusform>Concluído: {method}, %n laboratórios{edits}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: {warning}</source>
        <translation>Nota: {warning}</translation>
    </message>
    <message>
        <source>outside every district</source>
        <translation>fora de qualquer distrito</translation>
    </message>
    <message>
        <source>Lab capacity</source>
        <comment>panel</comment>
        <translation>Capacidade</translation>
    </message>
    <message>
        <source>Lab capaci&amp;ty…</source>
        <translation>Capaci&amp;dade dos laboratórios…</translation>
    </message>
    <message>
        <source>Compare lab capacity with the need for tests: 2SFCA, E2SFCA or capacity-limited coverage (F9)</source>
        <translation>Comparar a capacidade dos laboratórios com a necessidade de exames: 2SFCA, E2SFCA ou cobertura limitada pela capacidade (F9)</translation>
    </message>
    <message>
        <source>Facility</source>
        <extracomment>Marks the row of the travel times (its text changes with the language). The kind of a feature as its row names it (English; shown through `tr`).</extracomment>
        <translation>Estabelecimento</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>Via</translation>
    </message>
    <message>
        <source>{mode}, traffic ×{factor}</source>
        <translation>{mode}, trânsito ×{factor}</translation>
    </message>
    <message>
        <source>off the road network: more than {metres} m from a road</source>
        <translation>fora da malha viária: a mais de {metres} m de uma via</translation>
    </message>
    <message>
        <source>unreachable: no {test} lab can be reached from here</source>
        <translation>inalcançável: daqui não se chega a nenhum laboratório de {test}</translation>
    </message>
    <message>
        <source>{minutes} to {lab} ({lab_id})</source>
        <translation>{minutes} até {lab} ({lab_id})</translation>
    </message>
    <message>
        <source>Travel time to the nearest lab</source>
        <translation>Tempo de deslocamento até o laboratório mais próximo</translation>
    </message>
    <message>
        <source>Run the analysis (F5) to see the travel time from here to the nearest lab</source>
        <translation>Execute a análise (F5) para ver o tempo de deslocamento daqui até o laboratório mais próximo</translation>
    </message>
    <message>
        <source>to the nearest lab</source>
        <translation>até o laboratório mais próximo</translation>
    </message>
    <message>
        <source>{mode}: with the what-if edits (hubs, upgrades, closures); {others}: as run, without them</source>
        <translation>{mode}: com as alterações da simulação (laboratórios de referência, ampliações, fechamentos); {others}: como executado, sem elas</translation>
    </message>
    <message>
        <source>{mode}: with the what-if edits (hubs, upgrades, closures)</source>
        <translation>{mode}: com as alterações da simulação (laboratórios de referência, ampliações, fechamentos)</translation>
    </message>
    <message>
        <source>Travel time to the nearest {test} lab</source>
        <translation>Tempo de deslocamento até o laboratório de {test} mais próximo</translation>
    </message>
    <message>
        <source>to the nearest {test} lab</source>
        <translation>até o laboratório de {test} mais próximo</translation>
    </message>
    <message>
        <source>Travel time to the nearest {test} lab ({quality})</source>
        <translation>Tempo de deslocamento até o laboratório de {test} mais próximo ({quality})</translation>
    </message>
    <message>
        <source>to the nearest {test} lab ({quality})</source>
        <translation>até o laboratório de {test} mais próximo ({quality})</translation>
    </message>
    <message>
        <source>Choose the Identify tool (I) and click anywhere on the map: the features there and the travel time to the nearest lab.</source>
        <translation>Escolha a ferramenta Identificar (I) e clique em qualquer lugar do mapa: as feições ali e o tempo de deslocamento até o laboratório mais próximo.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>ccgeo projects (*.ccgeo)</source>
        <extracomment>The page of the outputs that opens in the browser. What the run logs of the app&apos;s comparison say ran. Share of the progress bar for the indicators (the rest: writing the outputs).</extracomment>
        <translation>Projetos ccgeo (*.ccgeo)</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Cidade</translation>
    </message>
    <message>
        <source>Labs counted</source>
        <translation>Laboratórios contados</translation>
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
        <translation>Nível</translation>
    </message>
    <message>
        <source>Writing the tables, charts, maps, dashboard and brief…</source>
        <extracomment>Widest the indicator column starts, pixels: its value and level stay in a laptop&apos;s dock.</extracomment>
        <translation>Gravando as tabelas, gráficos, mapas, painel e resumo…</translation>
    </message>
    <message>
        <source>Open the Dashboard</source>
        <translation>Abrir o painel</translation>
    </message>
    <message>
        <source>Open dashboard.html of the output folder in the web browser (works offline)</source>
        <translation>Abrir dashboard.html da pasta de resultados no navegador (funciona offline)</translation>
    </message>
    <message>
        <source>One row per city, test, quality level and indicator; the level (1-5) is on the draft scale of resources/readiness.toml</source>
        <translation>Uma linha por cidade, exame, nível de qualidade e indicador; o nível (1-5) está na escala provisória de resources/readiness.toml</translation>
    </message>
    <message>
        <source>Show the indicators of one city, or of every city</source>
        <translation>Mostrar os indicadores de uma cidade ou de todas</translation>
    </message>
    <message>
        <source>Choose several projects with File ▸ Compare Cities… to compare their readiness.</source>
        <translation>Escolha vários projetos com Arquivo ▸ Comparar cidades… para comparar sua prontidão.</translation>
    </message>
    <message numerus="yes">
        <source>%n city(ies) compared; tables, charts and brief in {folder}</source>
        <translation>
            <numerusform>%n cidade comparada; tabelas, gráficos e resumo em {folder}</numerusform>
            <numerusform>%n cidades comparadas; tabelas, gráficos e resumo em {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>Todas as cidades</translation>
    </message>
    <message>
        <source>in EQA</source>
        <translation>em AEQ</translation>
    </message>
    <message>
        <source>accredited</source>
        <translation>acreditados</translation>
    </message>
    <message>
        <source>Compare Cities</source>
        <translation>Comparar cidades</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s): {names}</source>
        <translation>
            <numerusform>%n projeto: {names}</numerusform>
            <numerusform>%n projetos: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>every test of each city</source>
        <translation>todos os testes de cada cidade</translation>
    </message>
    <message>
        <source>Tests to compare, comma-separated (ihc, pcr)</source>
        <translation>Testes a comparar, separados por vírgulas (ihc, pcr)</translation>
    </message>
    <message>
        <source>indicators.csv and .xlsx, charts, maps, dashboard.html and brief.pdf go here</source>
        <translation>indicators.csv e .xlsx, gráficos, mapas, dashboard.html e brief.pdf vão aqui</translation>
    </message>
    <message>
        <source>Tests:</source>
        <translation>Testes:</translation>
    </message>
    <message>
        <source>Folder for the outputs of the comparison</source>
        <translation>Pasta para os resultados da comparação</translation>
    </message>
    <message>
        <source>Comparing the cities…</source>
        <translation>Comparando as cidades…</translation>
    </message>
    <message>
        <source>Comparison of the cities cancelled</source>
        <translation>Comparação das cidades cancelada</translation>
    </message>
    <message>
        <source>Choose the projects of the cities to compare</source>
        <translation>Escolha os projetos das cidades a comparar</translation>
    </message>
    <message>
        <source>Cities compared</source>
        <translation>Cidades comparadas</translation>
    </message>
    <message>
        <source>Co&amp;mpare Cities…</source>
        <translation>Co&amp;mparar cidades…</translation>
    </message>
    <message>
        <source>Compare the diagnostic readiness of several projects, one city each: indicators, levels on the draft scale, charts, maps, an offline dashboard and a PDF brief</source>
        <translation>Comparar a prontidão diagnóstica de vários projetos, uma cidade cada: indicadores, níveis na escala provisória, gráficos, mapas, um painel offline e um resumo em PDF</translation>
    </message>
    <message>
        <source>Double-click a feature to zoom to it</source>
        <translation>Clique duas vezes em uma feição para aproximar o mapa dela</translation>
    </message>
    <message>
        <source>Travel time</source>
        <extracomment>The travel times shown with the features (None: none asked for).</extracomment>
        <translation>Tempo de deslocamento</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>No map feature here ({where}).</source>
        <translation>Nenhuma feição do mapa aqui ({where}).</translation>
    </message>
    <message>
        <source>Nothing here ({where}).</source>
        <translation>Nada aqui ({where}).</translation>
    </message>
    <message>
        <source>1 feature at {where}</source>
        <translation>1 feição em {where}</translation>
    </message>
    <message>
        <source>{count} features at {where}</source>
        <translation>{count} feições em {where}</translation>
    </message>
    <message>
        <source>The map&apos;s layers, top drawn over the ones below: tick to show or hide, drag to reorder, right-click for more</source>
        <extracomment>Kinds whose layer is not removed from the panel: the base map has its own menu. The last context menu shown (kept alive; tests read it), and the last Style dialog.</extracomment>
        <translation>As camadas do mapa, a de cima desenhada sobre as de baixo: marque para mostrar ou ocultar, arraste para reordenar, clique com o botão direito para mais</translation>
    </message>
    <message>
        <source>Opacity of the selected layer</source>
        <translation>Opacidade da camada selecionada</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacidade</translation>
    </message>
    <message>
        <source>Opacity {percent} %</source>
        <translation>Opacidade {percent} %</translation>
    </message>
    <message>
        <source>Move layer {layer}</source>
        <translation>Mover a camada {layer}</translation>
    </message>
    <message>
        <source>Remove layer {layer}</source>
        <translation>Remover a camada {layer}</translation>
    </message>
    <message>
        <source>Add back layer {layer}</source>
        <translation>Adicionar de volta a camada {layer}</translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation>Zoom na camada</translation>
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
        <translation>Mover para cima</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Mover para baixo</translation>
    </message>
    <message>
        <source>Style…</source>
        <translation>Estilo…</translation>
    </message>
    <message>
        <source>Colours and sizes of this layer&apos;s classes (undo with Ctrl+Z)</source>
        <translation>Cores e tamanhos das classes desta camada (desfazer com Ctrl+Z)</translation>
    </message>
    <message>
        <source>This layer is drawn with a fixed style</source>
        <translation>Esta camada é desenhada com um estilo fixo</translation>
    </message>
    <message>
        <source>Remove</source>
        <comment>layer</comment>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Choose View ▸ Base map ▸ None to hide the base map</source>
        <translation>Escolha Exibir ▸ Mapa base ▸ Nenhum para ocultar o mapa base</translation>
    </message>
    <message>
        <source>Take this layer off the map (Delete; undo with Ctrl+Z)</source>
        <translation>Tirar esta camada do mapa (Delete; desfazer com Ctrl+Z)</translation>
    </message>
    <message>
        <source>Add back</source>
        <translation>Adicionar de volta</translation>
    </message>
    <message>
        <source>Put {layer} back on the map at its place</source>
        <translation>Pôr {layer} de volta no mapa, no seu lugar</translation>
    </message>
    <message>
        <source>{layer}: tick to show, drag to change the drawing order, right-click for more</source>
        <translation>{layer}: marque para mostrar, arraste para mudar a ordem de desenho, clique com o botão direito para mais</translation>
    </message>
    <message>
        <source>Siting new {test} hubs…</source>
        <extracomment>The settings the siting result was computed with. The what-if edits the siting and the referral counted (None: none).</extracomment>
        <translation>Localizando novos laboratórios de {test}…</translation>
    </message>
    <message>
        <source>Planning the {test} sample referral…</source>
        <translation>Planejando o encaminhamento de amostras para {test}…</translation>
    </message>
    <message>
        <source>there is no proposal yet: run the siting first</source>
        <translation>ainda não há proposta: execute a localização primeiro</translation>
    </message>
    <message>
        <source>New hubs</source>
        <translation>Novos laboratórios de referência</translation>
    </message>
    <message>
        <source>New hubs</source>
        <comment>panel</comment>
        <translation>Localização</translation>
    </message>
    <message>
        <source>Referral</source>
        <comment>panel</comment>
        <translation>Encaminhamento</translation>
    </message>
    <message>
        <source>&amp;Site new hubs…</source>
        <translation>&amp;Localizar novos laboratórios de referência…</translation>
    </message>
    <message>
        <source>Choose new testing hubs: most people covered, least travel time or fewest hubs (F7)</source>
        <translation>Escolher novos laboratórios de referência: mais pessoas cobertas, menor tempo de deslocamento ou menos laboratórios (F7)</translation>
    </message>
    <message>
        <source>Sample re&amp;ferral…</source>
        <translation>&amp;Encaminhamento de amostras…</translation>
    </message>
    <message>
        <source>Plan how specimens travel from biopsy sites to hub labs by courier (F8)</source>
        <translation>Planejar como as amostras viajam por portador dos locais de biópsia até os laboratórios de referência (F8)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Linha</translation>
    </message>
    <message>
        <source>What</source>
        <translation>O quê</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>How to fix it</source>
        <translation>Como corrigir</translation>
    </message>
    <message>
        <source>facilities</source>
        <extracomment>What a note without a file is about, by its topic (English; shown through `tr`).</extracomment>
        <translation>estabelecimentos</translation>
    </message>
    <message>
        <source>population</source>
        <translation>população</translation>
    </message>
    <message>
        <source>analysis</source>
        <translation>análise</translation>
    </message>
    <message>
        <source>What the data lacked or what ccgeo changed; double-click a row about a facility to show it in the table and on the map</source>
        <translation>O que faltava nos dados ou o que o ccgeo alterou; clique duas vezes em uma linha sobre um estabelecimento para mostrá-lo na tabela e no mapa</translation>
    </message>
    <message>
        <source>No data notes: import data and run an analysis to see what they hold.</source>
        <translation>Nenhuma nota sobre os dados: importe dados e execute uma análise para ver o que contêm.</translation>
    </message>
    <message>
        <source>Nothing to review; where the people and facility rows went is listed below.</source>
        <translation>Nada a revisar; abaixo está para onde foram as pessoas e as linhas de estabelecimentos.</translation>
    </message>
    <message>
        <source>{count} {what}</source>
        <comment>a number of data notes and what they are</comment>
        <translation>{count} {what}</translation>
    </message>
    <message>
        <source>To review: {notes}. Double-click a row about a facility to show it.</source>
        <translation>A revisar: {notes}. Clique duas vezes em uma linha sobre um estabelecimento para mostrá-lo.</translation>
    </message>
    <message>
        <source>Spoke</source>
        <translation>Unidade remetente</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Laboratório de referência</translation>
    </message>
    <message>
        <source>Sample trip (min)</source>
        <translation>Viagem da amostra (min)</translation>
    </message>
    <message>
        <source>Pick-up</source>
        <translation>Coleta</translation>
    </message>
    <message>
        <source>Sample to result (working days)</source>
        <translation>Da amostra ao resultado (dias úteis)</translation>
    </message>
    <message>
        <source>Patient trip (min)</source>
        <translation>Viagem do paciente (min)</translation>
    </message>
    <message>
        <source>Patient − sample (min)</source>
        <translation>Paciente − amostra (min)</translation>
    </message>
    <message>
        <source>Meets target</source>
        <translation>Atinge a meta</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Proposto</translation>
    </message>
    <message>
        <source>Spokes served</source>
        <translation>Unidades atendidas</translation>
    </message>
    <message>
        <source>Couriers needed</source>
        <translation>Portadores necessários</translation>
    </message>
    <message>
        <source>Tests/year</source>
        <translation>Exames/ano</translation>
    </message>
    <message>
        <source>Capacity/year</source>
        <translation>Capacidade/ano</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Utilização</translation>
    </message>
    <message>
        <source>daily</source>
        <extracomment>How often a courier picks up at a spoke (``&quot;&lt;k&gt; per week&quot;`` is worded by `frequency_label`).</extracomment>
        <translation>diária</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>semanal</translation>
    </message>
    <message>
        <source>worst case wait for the courier</source>
        <extracomment>Which wait for the next pick-up decides whether a spoke meets the target (``wait_rule``).</extracomment>
        <translation>espera pelo portador no pior caso</translation>
    </message>
    <message>
        <source>average case wait for the courier</source>
        <translation>espera média pelo portador</translation>
    </message>
    <message>
        <source>{count} per week</source>
        <translation>{count} por semana</translation>
    </message>
    <message numerus="yes">
        <source>{share} of %n spokes get a result within {days} working days of the sample ({rule})</source>
        <translation>
            <numerusform>{share} de %n unidade remetente recebe o resultado em até {days} dias úteis após a coleta ({rule})</numerusform>
            <numerusform>{share} de %n unidades remetentes recebem o resultado em até {days} dias úteis após a coleta ({rule})</numerusform>
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
            <numerusform>%n unidade remetente atendida por {hubs} laboratórios de referência em {loops} circuitos de transporte{frequency}, portadores {mode}</numerusform>
            <numerusform>%n unidades remetentes atendidas por {hubs} laboratórios de referência em {loops} circuitos de transporte{frequency}, portadores {mode}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n spokes cannot be served:</source>
        <translation>
            <numerusform>%n unidade remetente não pode ser atendida:</numerusform>
            <numerusform>%n unidades remetentes não podem ser atendidas:</numerusform>
        </translation>
    </message>
    <message>
        <source>Median trip to the hub: sample {sample} min by courier, patient {patient} min {mode}</source>
        <translation>Viagem mediana ao laboratório de referência: amostra {sample} min por portador, paciente {patient} min {mode}</translation>
    </message>
    <message>
        <source>Patients&apos; travel saved: {hours} hours a year</source>
        <translation>Deslocamento de pacientes economizado: {hours} horas por ano</translation>
    </message>
    <message>
        <source>no route</source>
        <translation>sem rota</translation>
    </message>
    <message>
        <source>Plan referral</source>
        <translation>Planejar encaminhamento</translation>
    </message>
    <message>
        <source>Plan the sample referral with these settings (F8)</source>
        <translation>Planejar o encaminhamento de amostras com estas configurações (F8)</translation>
    </message>
    <message>
        <source>No referral plan yet.</source>
        <translation>Ainda não há plano de encaminhamento.</translation>
    </message>
    <message>
        <source>One row per spoke: select one to show its route on the map</source>
        <translation>Uma linha por unidade remetente: selecione uma para ver sua rota no mapa</translation>
    </message>
    <message>
        <source>Each hub lab&apos;s spokes, couriers and workload</source>
        <translation>As unidades remetentes, os portadores e a carga de trabalho de cada laboratório de referência</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumo</translation>
    </message>
    <message>
        <source>Spokes</source>
        <translation>Remetentes</translation>
    </message>
    <message>
        <source>Hub workload</source>
        <translation>Carga de trabalho</translation>
    </message>
    <message>
        <source>The plan in a few sentences, and the spokes not served</source>
        <translation>O plano em poucas frases, e as unidades remetentes não atendidas</translation>
    </message>
    <message>
        <source>One row per spoke: its hub, trips, pick-ups and times</source>
        <translation>Uma linha por unidade remetente: seu laboratório de referência, viagens, coletas e tempos</translation>
    </message>
    <message>
        <source>Each hub&apos;s spokes, couriers, tests a year and capacity</source>
        <translation>As unidades remetentes, os portadores, os exames por ano e a capacidade de cada laboratório de referência</translation>
    </message>
    <message>
        <source>The test whose specimens are referred to the hub labs</source>
        <translation>O exame cujas amostras são encaminhadas aos laboratórios de referência</translation>
    </message>
    <message>
        <source>Only labs meeting this standard act as hubs</source>
        <translation>Só os laboratórios que atendem a este padrão atuam como laboratórios de referência</translation>
    </message>
    <message>
        <source>How couriers travel (patients travel as in the analysis)</source>
        <translation>Como os portadores se deslocam (os pacientes se deslocam como na análise)</translation>
    </message>
    <message>
        <source>Couriers each hub lab can send out per day</source>
        <translation>Portadores que cada laboratório de referência pode enviar por dia</translation>
    </message>
    <message>
        <source>When the couriers leave the hub</source>
        <translation>Quando os portadores saem do laboratório de referência</translation>
    </message>
    <message>
        <source>When the couriers must be back at the hub</source>
        <translation>Quando os portadores devem voltar ao laboratório de referência</translation>
    </message>
    <message>
        <source>The last pick-up at a spoke on a courier day</source>
        <translation>A última coleta em uma unidade remetente num dia de entregas</translation>
    </message>
    <message>
        <source>Include the proposed hubs</source>
        <translation>Incluir os laboratórios propostos</translation>
    </message>
    <message>
        <source>Add the hubs of the last siting proposal to the existing hub labs</source>
        <translation>Acrescentar os laboratórios da última proposta de localização aos laboratórios de referência existentes</translation>
    </message>
    <message>
        <source>per hub, by</source>
        <translation>por laboratório, de</translation>
    </message>
    <message>
        <source>to</source>
        <comment>from one time to another</comment>
        <translation>às</translation>
    </message>
    <message>
        <source>Hub quality</source>
        <translation>Qualidade do laboratório de referência</translation>
    </message>
    <message>
        <source>Couriers</source>
        <translation>Portadores</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Turno</translation>
    </message>
    <message>
        <source>Last pick-up</source>
        <translation>Última coleta</translation>
    </message>
    <message numerus="yes">
        <source>The %n proposed {test} hubs count: in the what-if</source>
        <translation>
            <numerusform>O laboratório de {test} proposto já conta: está na simulação</numerusform>
            <numerusform>Os %n laboratórios de {test} propostos já contam: estão na simulação</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Include the %n proposed {test} hubs</source>
        <translation>
            <numerusform>Incluir os laboratórios de {test} propostos (%n)</numerusform>
            <numerusform>Incluir os laboratórios de {test} propostos (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>the proposed hubs were sited for {sited}, not {test}: choose {sited} here, or untick &apos;Include the proposed hubs&apos;</source>
        <translation>os laboratórios propostos foram localizados para {sited}, não para {test}: escolha {sited} aqui ou desmarque “Incluir os laboratórios propostos”</translation>
    </message>
    <message>
        <source>Cancelled: the plan shown (if any) is the previous one.</source>
        <translation>Cancelado: o plano mostrado (se houver) é o anterior.</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n spokes, {loops} courier loops{edits}.</source>
        <translation>
            <numerusform>Concluído: %n unidade remetente, {loops} circuitos de transporte{edits}.</numerusform>
            <numerusform>Concluído: %n unidades remetentes, {loops} circuitos de transporte{edits}.</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>{part} of {whole}</source>
        <translation>{part} de {whole}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>{frequency}, {clock}</source>
        <comment>pick-up</comment>
        <translation>{frequency}, {clock}</translation>
    </message>
    <message>
        <source>not servable</source>
        <translation>não atendível</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <source>Within (min)</source>
        <translation>Até (min)</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Cobertas</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Proporção</translation>
    </message>
    <message>
        <source>Beyond</source>
        <translation>Além</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Sem acesso</translation>
    </message>
    <message>
        <source>This chart compares districts, and the project has none: import them with File ▸ Import ▸ Districts… to see the coverage of each.</source>
        <extracomment>The Lancet Commission on Global Surgery target: 80 % of people within 2 h (DOMAIN.md). What the chart says when the project has no districts to compare.</extracomment>
        <translation>Este gráfico compara distritos e o projeto não tem nenhum: importe-os com Arquivo ▸ Importar ▸ Distritos… para ver a cobertura de cada um.</translation>
    </message>
    <message>
        <source>Off-network</source>
        <translation>Fora da rede</translation>
    </message>
    <message>
        <source>Area (km²)</source>
        <translation>Área (km²)</translation>
    </message>
    <message>
        <source>Nearest lab</source>
        <translation>Laboratório mais próximo</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>No analysis yet: set the test and press Run (F5).</source>
        <translation>Ainda não há análise: escolha o exame e pressione Executar (F5).</translation>
    </message>
    <message>
        <source>Coverage of the whole area, and its change from the baseline</source>
        <translation>Cobertura de toda a área e sua mudança em relação à situação atual</translation>
    </message>
    <message>
        <source>Threshold of the bar chart</source>
        <translation>Limiar do gráfico de barras</translation>
    </message>
    <message>
        <source>Share of each district&apos;s people within the threshold</source>
        <translation>Proporção das pessoas de cada distrito dentro do limiar</translation>
    </message>
    <message>
        <source>People within each threshold, by district (inclusive: ≤ T)</source>
        <translation>Pessoas dentro de cada limiar, por distrito (inclusive: ≤ T)</translation>
    </message>
    <message>
        <source>Underserved areas, most people first: click one to zoom to it</source>
        <translation>Áreas desassistidas, as mais populosas primeiro: clique em uma para aproximar</translation>
    </message>
    <message>
        <source>Underserved areas</source>
        <translation>Áreas desassistidas</translation>
    </message>
    <message>
        <source>Chart threshold</source>
        <translation>Limiar do gráfico</translation>
    </message>
    <message>
        <source>{share} within {minutes} ({people} people)</source>
        <translation>{share} a até {minutes} ({people} pessoas)</translation>
    </message>
    <message>
        <source>Share of people within {minutes}, by district</source>
        <translation>Proporção de pessoas a até {minutes}, por distrito</translation>
    </message>
    <message numerus="yes">
        <source>Underserved areas: beyond {minutes}, %n areas, {people} people</source>
        <translation>
            <numerusform>Áreas desassistidas: a mais de {minutes}, %n área, {people} pessoas</numerusform>
            <numerusform>Áreas desassistidas: a mais de {minutes}, %n áreas, {people} pessoas</numerusform>
        </translation>
    </message>
    <message>
        <source>{people} people ({share}) within {minutes}</source>
        <extracomment>Layers of the live what-if, hidden while two scenarios are on the map. Layers drawn under a scenario&apos;s catchment bands (and under the difference map).</extracomment>
        <translation>{people} pessoas ({share}) a até {minutes}</translation>
    </message>
    <message>
        <source>{name}: hubs and upgrades</source>
        <translation>{name}: laboratórios de referência e ampliações</translation>
    </message>
    <message>
        <source>{name}: catchment bands</source>
        <translation>{name}: faixas de abrangência</translation>
    </message>
    <message>
        <source>On the map</source>
        <translation>No mapa</translation>
    </message>
    <message>
        <source>Scenario A: what the map is compared with (before)</source>
        <translation>Cenário A: com o que o mapa é comparado (antes)</translation>
    </message>
    <message>
        <source>Scenario B: the scenario compared with A (after)</source>
        <translation>Cenário B: o cenário comparado com A (depois)</translation>
    </message>
    <message>
        <source>Travel time within which a person counts as served (inclusive)</source>
        <translation>Tempo de deslocamento dentro do qual uma pessoa conta como atendida (inclusive)</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Lado a lado</translation>
    </message>
    <message>
        <source>A on the main map, B on a second map beside it: same extent and scale, panning and zooming linked</source>
        <translation>A no mapa principal, B em um segundo mapa ao lado: mesma extensão e escala, deslocamento e zoom vinculados</translation>
    </message>
    <message>
        <source>Difference map</source>
        <translation>Mapa de diferenças</translation>
    </message>
    <message>
        <source>People who gain access within the threshold from A to B, who lose it, and the unchanged, with their numbers</source>
        <translation>Pessoas que ganham acesso dentro do limiar de A para B, as que o perdem e as que não mudam, com seus números</translation>
    </message>
    <message>
        <source>Close</source>
        <comment>take the scenarios off the map</comment>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Back to the live what-if on a single map</source>
        <translation>Voltar à simulação atual em um só mapa</translation>
    </message>
    <message>
        <source>Coverage of A and B within the threshold, and who gains or loses</source>
        <translation>Cobertura de A e B dentro do limiar, e quem ganha ou perde</translation>
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
        <translation>Até:</translation>
    </message>
    <message>
        <source>Comparing {b} with {a}…</source>
        <extracomment>The scenarios on the map, ``&quot;side&quot;`` or ``&quot;difference&quot;``, or None. Which of A and B is the baseline (its name is said in the language of the moment).</extracomment>
        <translation>Comparando {b} com {a}…</translation>
    </message>
    <message>
        <source>Not applied: {edits}</source>
        <translation>Não aplicado: {edits}</translation>
    </message>
    <message>
        <source>Scenario</source>
        <extracomment>Column headers of the comparison table (the others are per threshold).</extracomment>
        <translation>Cenário</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Mudança</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message numerus="yes">
        <source>%n new hubs</source>
        <translation>
            <numerusform>%n laboratório de referência novo</numerusform>
            <numerusform>%n laboratórios de referência novos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n upgrades</source>
        <translation>
            <numerusform>%n ampliação</numerusform>
            <numerusform>%n ampliações</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n labs closed</source>
        <translation>
            <numerusform>%n laboratório fechado</numerusform>
            <numerusform>%n laboratórios fechados</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. Two PCR hubs in the east</source>
        <translation>p. ex. Dois laboratórios de PCR no leste</translation>
    </message>
    <message>
        <source>Name of the new scenario</source>
        <translation>Nome do novo cenário</translation>
    </message>
    <message>
        <source>What it proposes, for the report (optional)</source>
        <translation>O que propõe, para o relatório (opcional)</translation>
    </message>
    <message>
        <source>What the scenario proposes, shown in the report (optional)</source>
        <translation>O que o cenário propõe, mostrado no relatório (opcional)</translation>
    </message>
    <message>
        <source>Save current what-if</source>
        <translation>Salvar a simulação atual</translation>
    </message>
    <message>
        <source>Keep the candidate hubs, upgrades and settings under this name</source>
        <translation>Guardar os laboratórios de referência candidatos, as ampliações e as configurações com este nome</translation>
    </message>
    <message>
        <source>Saved scenarios: select one or more to apply, delete or compare</source>
        <translation>Cenários salvos: selecione um ou mais para aplicar, excluir ou comparar</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Show the selected scenario on the map (undoable)</source>
        <translation>Mostrar o cenário selecionado no mapa (pode ser desfeito)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Delete the selected scenarios from the project</source>
        <translation>Excluir do projeto os cenários selecionados</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>Coverage of the selected scenarios (all when none is selected) side by side</source>
        <translation>Cobertura dos cenários selecionados (todos quando nenhum está selecionado) lado a lado</translation>
    </message>
    <message>
        <source>Whole-area coverage per scenario and threshold, and the change</source>
        <extracomment>Writes the message line (again when the language changes).</extracomment>
        <translation>Cobertura de toda a área por cenário e limiar, e a mudança</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Two scenarios on the map: side by side, or a difference map.</extracomment>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
    <message>
        <source>Saved scenario “{name}”: {summary}.</source>
        <translation>Cenário “{name}” salvo: {summary}.</translation>
    </message>
    <message>
        <source>Applied “{name}”: Ctrl+Z goes back.</source>
        <translation>“{name}” aplicado: Ctrl+Z volta atrás.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n scenarios.</source>
        <translation>
            <numerusform>%n cenário excluído.</numerusform>
            <numerusform>%n cenários excluídos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n scenarios…</source>
        <translation>
            <numerusform>Comparando %n cenário…</numerusform>
            <numerusform>Comparando %n cenários…</numerusform>
        </translation>
    </message>
    <message>
        <source>Comparing scenarios…</source>
        <translation>Comparando cenários…</translation>
    </message>
    <message numerus="yes">
        <source>Compared %n scenarios with their baseline.</source>
        <translation>
            <numerusform>%n cenário comparado com sua situação atual.</numerusform>
            <numerusform>%n cenários comparados com sua situação atual.</numerusform>
        </translation>
    </message>
    <message>
        <source>{gain} people</source>
        <translation>{gain} pessoas</translation>
    </message>
    <message>
        <source>Skipped: {edits}</source>
        <translation>Ignorado: {edits}</translation>
    </message>
    <message>
        <source>Most people covered (MCLP)</source>
        <extracomment>The siting models (English, marked for `tr`).</extracomment>
        <translation>Mais pessoas cobertas (MCLP)</translation>
    </message>
    <message>
        <source>Least travel time (p-median)</source>
        <translation>Menor tempo de deslocamento (p-mediana)</translation>
    </message>
    <message>
        <source>Fewest hubs for a target share (LSCP)</source>
        <translation>Menos laboratórios para uma meta (LSCP)</translation>
    </message>
    <message>
        <source>most people covered</source>
        <extracomment>The goal of each model inside a name (``&quot;3 new PCR hubs (most people covered)&quot;``).</extracomment>
        <translation>mais pessoas cobertas</translation>
    </message>
    <message>
        <source>least travel time</source>
        <translation>menor tempo de deslocamento</translation>
    </message>
    <message>
        <source>fewest hubs for a target share</source>
        <translation>menos laboratórios para uma meta</translation>
    </message>
    <message>
        <source>Choose N new hubs that bring the most people within the time limit</source>
        <translation>Escolher N novos laboratórios de referência que deixem mais pessoas dentro do limite de tempo</translation>
    </message>
    <message>
        <source>Choose N new hubs that cut the population-weighted travel time the most</source>
        <translation>Escolher N novos laboratórios de referência que mais reduzam o tempo de deslocamento ponderado pela população</translation>
    </message>
    <message>
        <source>Choose the fewest new hubs that bring the target share within the time limit</source>
        <translation>Escolher o menor número de novos laboratórios de referência que deixe a proporção meta dentro do limite de tempo</translation>
    </message>
    <message>
        <source>upgrade</source>
        <translation>ampliação</translation>
    </message>
    <message>
        <source>new site (grid)</source>
        <translation>local novo (grade)</translation>
    </message>
    <message>
        <source>new site (placed)</source>
        <translation>local novo (instalado)</translation>
    </message>
    <message>
        <source>people</source>
        <extracomment>The units a siting counts its gains in (``weight_unit`` of its settings).</extracomment>
        <translation>pessoas</translation>
    </message>
    <message>
        <source>tests per year</source>
        <translation>exames por ano</translation>
    </message>
    <message>
        <source>exact MILP (HiGHS)</source>
        <translation>MILP exato (HiGHS)</translation>
    </message>
    <message>
        <source>lazy greedy with a bound</source>
        <translation>guloso preguiçoso com limite</translation>
    </message>
    <message>
        <source>proven optimal</source>
        <translation>ótimo comprovado</translation>
    </message>
    <message>
        <source>stopped at the time limit</source>
        <translation>interrompido no limite de tempo</translation>
    </message>
    <message>
        <source>heuristic</source>
        <translation>heurístico</translation>
    </message>
    <message>
        <source>What it adds</source>
        <translation>O que acrescenta</translation>
    </message>
    <message>
        <source>Share after</source>
        <translation>Proporção depois</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Covered before</source>
        <translation>Cobertas antes</translation>
    </message>
    <message>
        <source>Covered after</source>
        <translation>Cobertas depois</translation>
    </message>
    <message>
        <source>Gained</source>
        <translation>Ganhas</translation>
    </message>
    <message>
        <source>a scenario needs a name, such as &apos;Three new PCR hubs&apos;</source>
        <translation>um cenário precisa de um nome, como “Três novos laboratórios de PCR”</translation>
    </message>
    <message>
        <source>the proposal has no hub (the existing labs already meet the target): nothing to add</source>
        <translation>a proposta não tem laboratório de referência (os laboratórios existentes já atingem a meta): nada a acrescentar</translation>
    </message>
    <message>
        <source>proposed hub {rank} ({name}) has no position; run the siting again</source>
        <translation>o laboratório de referência proposto {rank} ({name}) não tem posição; execute a localização de novo</translation>
    </message>
    <message>
        <source>Proposed hub {rank}</source>
        <translation>Laboratório proposto {rank}</translation>
    </message>
    <message>
        <source>{model}: {hubs}</source>
        <translation>{model}: {hubs}</translation>
    </message>
    <message>
        <source>cuts the mean trip by {minutes} min</source>
        <translation>reduz a viagem média em {minutes} min</translation>
    </message>
    <message>
        <source>adds {gain} {unit} within {minutes}</source>
        <translation>acrescenta {gain} {unit} a até {minutes}</translation>
    </message>
    <message>
        <source>, within {percent} % of the optimum</source>
        <translation>, a até {percent} % do ótimo</translation>
    </message>
    <message>
        <source>Solver: {method}, {status}{gap}; {seconds} s (+ {build} s for the travel times)</source>
        <translation>Solucionador: {method}, {status}{gap}; {seconds} s (+ {build} s para os tempos de deslocamento)</translation>
    </message>
    <message>
        <source>Test, lab quality and travel mode come from the Analysis panel; the labs of the live what-if stay open and count (its hubs too, unless they are the candidates)</source>
        <translation>O exame, a qualidade do laboratório e o meio de transporte vêm do painel Análise; os laboratórios da simulação atual continuam abertos e contam (os laboratórios de referência dela também, a menos que sejam os candidatos)</translation>
    </message>
    <message>
        <source>What the new hubs should achieve</source>
        <translation>O que os novos laboratórios de referência devem alcançar</translation>
    </message>
    <message>
        <source>Number of new hubs to choose (most people / least travel time)</source>
        <translation>Número de novos laboratórios de referência a escolher (mais pessoas / menor tempo de deslocamento)</translation>
    </message>
    <message>
        <source>A person is covered within this travel time (inclusive)</source>
        <translation>Uma pessoa está coberta dentro deste tempo de deslocamento (inclusive)</translation>
    </message>
    <message>
        <source>Share of all people to bring within the time (fewest hubs)</source>
        <translation>Proporção de todas as pessoas a deixar dentro do tempo (menos laboratórios)</translation>
    </message>
    <message>
        <source>Upgrade existing facilities</source>
        <translation>Ampliar estabelecimentos existentes</translation>
    </message>
    <message>
        <source>Facilities that cannot do the test yet may be upgraded</source>
        <translation>Estabelecimentos que ainda não fazem o exame podem ser ampliados</translation>
    </message>
    <message>
        <source>New sites on a grid over underserved areas</source>
        <translation>Locais novos em uma grade sobre as áreas desassistidas</translation>
    </message>
    <message>
        <source>Candidate sites every so many metres where people live beyond the time limit</source>
        <translation>Locais candidatos a cada tantos metros onde as pessoas moram além do limite de tempo</translation>
    </message>
    <message>
        <source>Distance between grid sites, metres</source>
        <translation>Distância entre os locais da grade, em metros</translation>
    </message>
    <message>
        <source>Points placed on the map</source>
        <translation>Pontos colocados no mapa</translation>
    </message>
    <message>
        <source>The candidate hubs placed with Analysis ▸ Place hub (H) are candidates too (not open labs the siting starts from)</source>
        <translation>Os laboratórios de referência candidatos instalados com Análise ▸ Instalar laboratório de referência (H) também são candidatos (não laboratórios abertos dos quais a localização parte)</translation>
    </message>
    <message>
        <source>Site hubs</source>
        <translation>Localizar laboratórios</translation>
    </message>
    <message>
        <source>Choose new hubs with these settings (F7)</source>
        <translation>Escolher novos laboratórios de referência com estas configurações (F7)</translation>
    </message>
    <message>
        <source>No proposal yet.</source>
        <translation>Ainda não há proposta.</translation>
    </message>
    <message>
        <source>The proposed hubs in rank order: click one to show it on the map</source>
        <translation>Os laboratórios de referência propostos em ordem: clique em um para vê-lo no mapa</translation>
    </message>
    <message>
        <source>Share of people within the limit with 0 (today) to 10 new hubs, each the best set of that size</source>
        <translation>Proporção de pessoas dentro do limite com 0 (hoje) a 10 novos laboratórios de referência, cada um o melhor conjunto desse tamanho</translation>
    </message>
    <message>
        <source>People within the limit by district, before and after the proposal</source>
        <translation>Pessoas dentro do limite por distrito, antes e depois da proposta</translation>
    </message>
    <message>
        <source>Name of the scenario</source>
        <translation>Nome do cenário</translation>
    </message>
    <message>
        <source>The scenario is kept under this name in the project</source>
        <translation>O cenário é guardado com este nome no projeto</translation>
    </message>
    <message>
        <source>Make a scenario of this proposal</source>
        <translation>Criar um cenário com esta proposta</translation>
    </message>
    <message>
        <source>Put the proposed hubs on the map as what-if edits (replacing the current ones; Ctrl+Z takes them back) and keep them as a named scenario</source>
        <translation>Colocar os laboratórios de referência propostos no mapa como alterações da simulação (no lugar das atuais; Ctrl+Z as desfaz) e guardá-los como um cenário com nome</translation>
    </message>
    <message>
        <source>hubs within</source>
        <extracomment>Writes the line under &quot;Make a scenario&quot; (again when the language changes).</extracomment>
        <translation>laboratórios a até</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>New</source>
        <comment>new hubs</comment>
        <translation>Novos</translation>
    </message>
    <message>
        <source>Target share</source>
        <translation>Proporção meta</translation>
    </message>
    <message>
        <source>Candidate sites</source>
        <translation>Locais candidatos</translation>
    </message>
    <message>
        <source>every</source>
        <comment>grid spacing</comment>
        <translation>a cada</translation>
    </message>
    <message>
        <source>Ranked hubs</source>
        <translation>Classificação</translation>
    </message>
    <message>
        <source>Coverage curve</source>
        <translation>Curva</translation>
    </message>
    <message>
        <source>The proposed hubs in rank order, and Make a scenario</source>
        <translation>Os laboratórios de referência propostos em ordem, e Criar um cenário</translation>
    </message>
    <message>
        <source>Share of people covered with 0 to 10 new hubs</source>
        <translation>Proporção de pessoas cobertas com 0 a 10 novos laboratórios de referência</translation>
    </message>
    <message>
        <source>People within the limit by district, before and after</source>
        <translation>Pessoas dentro do limite por distrito, antes e depois</translation>
    </message>
    <message>
        <source>Points placed on the map ({count})</source>
        <translation>Pontos colocados no mapa ({count})</translation>
    </message>
    <message>
        <source>no candidate sites chosen: tick &apos;upgrade existing facilities&apos;, &apos;grid over underserved areas&apos; or &apos;points placed on the map&apos;</source>
        <translation>nenhum local candidato escolhido: marque “Ampliar estabelecimentos existentes”, “Locais novos em uma grade” ou “Pontos colocados no mapa”</translation>
    </message>
    <message>
        <source>Cancelled: the proposal shown (if any) is the previous one.</source>
        <translation>Cancelado: a proposta mostrada (se houver) é a anterior.</translation>
    </message>
    <message>
        <source>Done in {seconds} s{edits}.</source>
        <translation>Concluído em {seconds} s{edits}.</translation>
    </message>
    <message numerus="yes">
        <source>%n new {test} hubs ({goal})</source>
        <translation>
            <numerusform>%n novo laboratório de {test} ({goal})</numerusform>
            <numerusform>%n novos laboratórios de {test} ({goal})</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoje</translation>
    </message>
    <message numerus="yes">
        <source>%n hubs ★</source>
        <comment>the proposal&apos;s number of hubs</comment>
        <translation>
            <numerusform>%n laboratório ★</numerusform>
            <numerusform>%n laboratórios ★</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hubs</source>
        <translation>
            <numerusform>%n laboratório</numerusform>
            <numerusform>%n laboratórios</numerusform>
        </translation>
    </message>
    <message>
        <source>Share within {minutes} with 0 to {count} new hubs (★ = proposal)</source>
        <translation>Proporção a até {minutes} com 0 a {count} novos laboratórios (★ = proposta)</translation>
    </message>
    <message>
        <source>Scenario “{name}” saved: {sites} and {upgrades} are on the map as what-if edits (Ctrl+Z takes them back).</source>
        <translation>Cenário “{name}” salvo: {sites} e {upgrades} estão no mapa como alterações da simulação (Ctrl+Z as desfaz).</translation>
    </message>
    <message numerus="yes">
        <source>%n new sites</source>
        <translation>
            <numerusform>%n local novo</numerusform>
            <numerusform>%n locais novos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new {test} hubs cut the mean trip from {before} to {after} min</source>
        <translation>
            <numerusform>%n novo laboratório de {test} reduz a viagem média de {before} para {after} min</numerusform>
            <numerusform>%n novos laboratórios de {test} reduzem a viagem média de {before} para {after} min</numerusform>
        </translation>
    </message>
    <message>
        <source>No new {test} hub is needed: the target is met already</source>
        <translation>Nenhum novo laboratório de {test} é necessário: a meta já foi atingida</translation>
    </message>
    <message numerus="yes">
        <source>%n new {test} hubs bring +{people} people within {minutes} ({before} → {after})</source>
        <translation>
            <numerusform>%n novo laboratório de {test} deixa +{people} pessoas a até {minutes} ({before} → {after})</numerusform>
            <numerusform>%n novos laboratórios de {test} deixam +{people} pessoas a até {minutes} ({before} → {after})</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop the run under way</source>
        <translation>Parar a execução em andamento</translation>
    </message>
    <message>
        <source>⚠ From the saved project: made {when}, and the data changed since. Run again for a plan of the data as it is now.</source>
        <translation>⚠ Do projeto salvo: feito em {when}, e os dados mudaram desde então. Execute de novo para ter um plano com os dados atuais.</translation>
    </message>
    <message>
        <source>Made {when}, saved with the project.</source>
        <translation>Feito em {when}, salvo com o projeto.</translation>
    </message>
    <message>
        <source>{name} is open in another ccgeo window ({holder}): opened read-only; File ▸ Save As saves a copy under another name</source>
        <extracomment>The project file this window holds the lock of (None: none).</extracomment>
        <translation>{name} está aberto em outra janela do ccgeo ({holder}): aberto somente para leitura; Arquivo ▸ Salvar como salva uma cópia com outro nome</translation>
    </message>
    <message>
        <source>Settings files (*.toml);;All files (*)</source>
        <translation>Arquivos de configurações (*.toml);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Settings loaded from {name}</source>
        <translation>Configurações carregadas de {name}</translation>
    </message>
    <message>
        <source>Load analysis settings</source>
        <translation>Carregar as configurações da análise</translation>
    </message>
    <message>
        <source>The settings were not loaded</source>
        <translation>As configurações não foram carregadas</translation>
    </message>
    <message>
        <source>Save analysis settings</source>
        <translation>Salvar as configurações da análise</translation>
    </message>
    <message>
        <source>The settings were not saved</source>
        <translation>As configurações não foram salvas</translation>
    </message>
    <message>
        <source>Settings saved to {name}</source>
        <translation>Configurações salvas em {name}</translation>
    </message>
    <message>
        <source>&amp;Load settings…</source>
        <translation>&amp;Carregar configurações…</translation>
    </message>
    <message>
        <source>Use the settings of a file (TOML, as `ccgeo --settings` reads) for every analysis</source>
        <translation>Usar em todas as análises as configurações de um arquivo (TOML, como o que `ccgeo --settings` lê)</translation>
    </message>
    <message>
        <source>Sa&amp;ve settings…</source>
        <translation>Sal&amp;var configurações…</translation>
    </message>
    <message>
        <source>Write the settings shown in the panels to a file that `ccgeo ... --settings FILE` reads</source>
        <translation>Gravar as configurações mostradas nos painéis em um arquivo que o `ccgeo ... --settings FILE` lê</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <extracomment>Key of ``Project.settings`` holding the view. Version of the view dict, and of the `QMainWindow.saveState` layout in it. Height of a window&apos;s title bar and frame, pixels, kept free when a window is sized. The panels as ccgeo places them: what Reset layout goes back to.</extracomment>
        <translation>Restaurar &amp;layout</translation>
    </message>
    <message>
        <source>Put every panel back where ccgeo first placed it, docked</source>
        <translation>Devolver cada painel, encaixado, ao lugar onde o ccgeo o colocou no início</translation>
    </message>
    <message>
        <source>Add {hub}</source>
        <extracomment>Name of the tool in `MapCanvas.set_tool`. A press and release closer than this is a click, not a drag, screen pixels. A facility or hub this close to the cursor is under it, screen pixels.</extracomment>
        <translation>Adicionar {hub}</translation>
    </message>
    <message>
        <source>Move {hub}</source>
        <translation>Mover {hub}</translation>
    </message>
    <message>
        <source>Remove {hub}</source>
        <translation>Remover {hub}</translation>
    </message>
    <message>
        <source>Remove the {test} upgrade of {facility}</source>
        <translation>Remover a ampliação para {test} de {facility}</translation>
    </message>
    <message>
        <source>Close {test} lab {facility}</source>
        <translation>Fechar o laboratório de {test} {facility}</translation>
    </message>
    <message>
        <source>Reopen {test} lab {facility}</source>
        <translation>Reabrir o laboratório de {test} {facility}</translation>
    </message>
    <message>
        <source>Upgrade {facility} to {test}</source>
        <translation>Ampliar {facility} para {test}</translation>
    </message>
    <message>
        <source>Apply scenario {name}</source>
        <translation>Aplicar o cenário {name}</translation>
    </message>
    <message>
        <source>Take this candidate hub away (undo with Ctrl+Z)</source>
        <translation>Remover este laboratório de referência candidato (desfazer com Ctrl+Z)</translation>
    </message>
    <message>
        <source>What if this lab stopped doing {test} tests? (undo with Ctrl+Z)</source>
        <translation>E se este laboratório deixasse de fazer exames de {test}? (desfazer com Ctrl+Z)</translation>
    </message>
    <message>
        <source>What if this facility could do {test} tests? (undo with Ctrl+Z)</source>
        <translation>E se este estabelecimento pudesse fazer exames de {test}? (desfazer com Ctrl+Z)</translation>
    </message>
    <message>
        <source>Place a candidate hub here</source>
        <translation>Instalar aqui um laboratório de referência candidato</translation>
    </message>
    <message>
        <source>Open a new {test} lab at this point</source>
        <translation>Abrir um novo laboratório de {test} neste ponto</translation>
    </message>
    <message>
        <source>road points tried per person</source>
        <translation>pontos da via testados por pessoa</translation>
    </message>
    <message>
        <source>threshold (min)</source>
        <translation>limiar (min)</translation>
    </message>
    <message>
        <source>time limit (min)</source>
        <translation>tempo limite (min)</translation>
    </message>
    <message>
        <source>grid spacing (m)</source>
        <translation>espaçamento da grade (m)</translation>
    </message>
    <message>
        <source>facilities never to propose</source>
        <translation>estabelecimentos que nunca devem ser propostos</translation>
    </message>
    <message>
        <source>solver</source>
        <translation>solver (resolvedor)</translation>
    </message>
    <message>
        <source>solver time limit (s)</source>
        <translation>tempo limite do solver (s)</translation>
    </message>
    <message>
        <source>labs&apos; capacity limit</source>
        <translation>limite de capacidade dos laboratórios</translation>
    </message>
    <message>
        <source>capacity of a new hub (tests a year)</source>
        <translation>capacidade de um novo laboratório de referência (exames por ano)</translation>
    </message>
    <message>
        <source>minutes counted for people out of reach</source>
        <translation>minutos contados para as pessoas fora de alcance</translation>
    </message>
    <message>
        <source>time counted for people out of reach</source>
        <translation>tempo contado para as pessoas fora de alcance</translation>
    </message>
    <message>
        <source>hubs in the coverage curve</source>
        <translation>laboratórios de referência na curva de cobertura</translation>
    </message>
    <message>
        <source>E2SFCA bands (min)</source>
        <translation>Faixas E2SFCA (min)</translation>
    </message>
    <message>
        <source>E2SFCA weights</source>
        <translation>Pesos E2SFCA</translation>
    </message>
    <message>
        <source>unit of need</source>
        <translation>unidade da demanda</translation>
    </message>
    <message>
        <source>demand parameter file</source>
        <translation>arquivo de parâmetros de demanda</translation>
    </message>
    <message>
        <source>tests per person a year</source>
        <translation>exames por pessoa por ano</translation>
    </message>
    <message>
        <source>share eligible for the test</source>
        <translation>proporção elegível para o exame</translation>
    </message>
    <message>
        <source>referral parameter file</source>
        <translation>arquivo de parâmetros de encaminhamento</translation>
    </message>
    <message>
        <source>couriers&apos; travel mode</source>
        <translation>meio de transporte dos portadores</translation>
    </message>
    <message>
        <source>Couriers per hub</source>
        <translation>Portadores por laboratório de referência</translation>
    </message>
    <message>
        <source>Shift start</source>
        <translation>Início do turno</translation>
    </message>
    <message>
        <source>Shift end</source>
        <translation>Fim do turno</translation>
    </message>
    <message>
        <source>biopsy sites (spokes)</source>
        <translation>locais de biópsia (unidades remetentes)</translation>
    </message>
    <message>
        <source>tests a year of each biopsy site</source>
        <translation>exames por ano de cada local de biópsia</translation>
    </message>
    <message>
        <source>biopsy sites&apos; hubs</source>
        <translation>laboratórios de referência dos locais de biópsia</translation>
    </message>
    <message>
        <source>speed of roads with no stated speed (km/h)</source>
        <translation>velocidade das vias sem velocidade indicada (km/h)</translation>
    </message>
    <message>
        <source>top speed (km/h)</source>
        <translation>velocidade máxima (km/h)</translation>
    </message>
    <message>
        <source>factor of unpaved roads</source>
        <translation>fator das vias não pavimentadas</translation>
    </message>
    <message>
        <source>one-way streets rule</source>
        <translation>regra das ruas de mão única</translation>
    </message>
    <message>
        <source>speed-limit rule</source>
        <translation>regra do limite de velocidade</translation>
    </message>
    <message>
        <source>capacity (tests a year)</source>
        <translation>capacidade (exames por ano)</translation>
    </message>
    <message>
        <source>facility id</source>
        <translation>ID do estabelecimento</translation>
    </message>
    <message>
        <source>quality assessment (EQA)</source>
        <translation>controle externo da qualidade</translation>
    </message>
    <message>
        <source>Analysis settings</source>
        <extracomment>The analysis a settings message is about, by the name the settings object gives it (in English; the same name translated by gettext is found too).</extracomment>
        <translation>Configurações da análise</translation>
    </message>
    <message>
        <source>Site new hubs settings</source>
        <translation>Configurações de Localizar novos laboratórios de referência</translation>
    </message>
    <message>
        <source>Lab capacity settings</source>
        <translation>Configurações de Capacidade dos laboratórios</translation>
    </message>
    <message>
        <source>Sample referral settings</source>
        <translation>Configurações de Encaminhamento de amostras</translation>
    </message>
    <message>
        <source>Courier settings</source>
        <translation>Configurações dos portadores</translation>
    </message>
    <message>
        <source>“{label}”</source>
        <extracomment>A name in backticks, as the core words its messages: `` `max_snap_m` ``. A snake_case word standing alone: not inside a file path or a file name, and not in quotes (a quoted value is the user&apos;s own, such as a column of their spreadsheet), English or French ones (« valeur », with a space or a no-break space inside) included. A message about a file the planner wrote (a settings, speed or parameter file) starts with the file&apos;s path: there a setting keeps the key the file spells it with, so it can be found.</extracomment>
        <translation>“{label}”</translation>
    </message>
    <message>
        <source>{label} (&apos;{name}&apos; in the file)</source>
        <translation>{label} (&apos;{name}&apos; no arquivo)</translation>
    </message>
    <message>
        <source>facility_id</source>
        <comment>column</comment>
        <translation>ID estabelecimento</translation>
    </message>
    <message>
        <source>name</source>
        <comment>column</comment>
        <translation>nome</translation>
    </message>
    <message>
        <source>biopsy</source>
        <comment>column</comment>
        <translation>biópsia</translation>
    </message>
    <message>
        <source>cytology</source>
        <comment>column</comment>
        <translation>citologia</translation>
    </message>
    <message>
        <source>histology</source>
        <comment>column</comment>
        <translation>histologia</translation>
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
        <translation>citometria</translation>
    </message>
    <message>
        <source>eqa</source>
        <comment>column</comment>
        <translation>controle externo</translation>
    </message>
    <message>
        <source>accreditation</source>
        <comment>column</comment>
        <translation>acreditação</translation>
    </message>
    <message>
        <source>capacity_tests_per_year</source>
        <comment>column</comment>
        <translation>capacidade (exames/ano)</translation>
    </message>
    <message>
        <source>ownership</source>
        <comment>column</comment>
        <translation>natureza jurídica</translation>
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
        <translation>população</translation>
    </message>
    <message>
        <source>area_km2</source>
        <comment>column</comment>
        <translation>área (km²)</translation>
    </message>
    <message>
        <source>row</source>
        <comment>column</comment>
        <translation>linha</translation>
    </message>
    <message>
        <source>severity</source>
        <comment>column</comment>
        <translation>gravidade</translation>
    </message>
    <message>
        <source>column</source>
        <comment>column</comment>
        <translation>coluna</translation>
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
        <translation>correção</translation>
    </message>
    <message>
        <source>capacity (tests/year)</source>
        <comment>column</comment>
        <translation>capacidade (exames/ano)</translation>
    </message>
    <message>
        <source>flagged for review</source>
        <comment>column</comment>
        <translation>marcado para revisão</translation>
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
        <translation>velocidade máxima</translation>
    </message>
    <message>
        <source>oneway</source>
        <comment>column</comment>
        <translation>mão única</translation>
    </message>
    <message>
        <source>length</source>
        <comment>column</comment>
        <translation>comprimento</translation>
    </message>
    <message>
        <source>surface</source>
        <comment>column</comment>
        <translation>pavimento</translation>
    </message>
    <message>
        <source>OSM way</source>
        <comment>column</comment>
        <translation>via OSM</translation>
    </message>
    <message>
        <source>none</source>
        <comment>EQA level</comment>
        <translation>nenhum</translation>
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
        <translation>nenhuma</translation>
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
        <translation>outra</translation>
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
        <translation>filantrópico religioso</translation>
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
        <translation>outro</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>ownership</comment>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>doubtful</source>
        <comment>import issue</comment>
        <translation>duvidosa</translation>
    </message>
    <message>
        <source>rejected</source>
        <comment>import issue</comment>
        <translation>rejeitada</translation>
    </message>
    <message>
        <source>warning</source>
        <comment>import issue</comment>
        <translation>aviso</translation>
    </message>
    <message>
        <source>fixed</source>
        <comment>import issue</comment>
        <translation>corrigida</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {error}

This is a bug in ccgeo, not a problem with your data. The details were written to the log.</source>
        <extracomment>Shown for errors that are bugs rather than bad input; the traceback goes to the log.</extracomment>
        <translation>Ocorreu um erro inesperado: {error}

É um defeito do ccgeo, não um problema dos seus dados. Os detalhes foram gravados no log.</translation>
    </message>
    <message>
        <source>{stage} · about {time} left</source>
        <extracomment>The pace of the function&apos;s progress, fed in its own thread (`time_left_text`).</extracomment>
        <translation>{stage} · faltam cerca de {time}</translation>
    </message>
    <message>
        <source>Writing the table, page and PDF…</source>
        <extracomment>What the run logs of the app&apos;s progress say ran. Share of the progress bar for the indicators (the rest: writing the outputs).</extracomment>
        <translation>Gravando a tabela, a página e o PDF…</translation>
    </message>
    <message>
        <source>Open the Progress Page</source>
        <translation>Abrir a página de progresso</translation>
    </message>
    <message>
        <source>Open progress.html of the output folder in the web browser (works offline)</source>
        <translation>Abrir progress.html da pasta de saída no navegador (funciona offline)</translation>
    </message>
    <message>
        <source>The city&apos;s indicators before and after, the change, and the levels (1-5) on the draft scale of resources/readiness.toml</source>
        <translation>Os indicadores da cidade antes e depois, a mudança e os níveis (1-5) na escala provisória de resources/readiness.toml</translation>
    </message>
    <message>
        <source>Choose two versions of a city&apos;s project with File ▸ Progress Over Time….</source>
        <translation>Escolha duas versões do projeto de uma cidade com Arquivo ▸ Progresso ao longo do tempo….</translation>
    </message>
    <message>
        <source>{before} → {after}; table, page and PDF in {folder}</source>
        <translation>{before} → {after}; tabela, página e PDF em {folder}</translation>
    </message>
    <message>
        <source>Progress Over Time</source>
        <translation>Progresso ao longo do tempo</translation>
    </message>
    <message>
        <source>Two versions of one city&apos;s project: the baseline, and the same city after new hubs or a new courier route.</source>
        <translation>Duas versões do projeto de uma cidade: a linha de base e a mesma cidade depois de novos polos ou de uma nova rota de transporte de amostras.</translation>
    </message>
    <message>
        <source>The baseline project (.ccgeo)</source>
        <translation>O projeto da linha de base (.ccgeo)</translation>
    </message>
    <message>
        <source>The later project (.ccgeo)</source>
        <translation>O projeto posterior (.ccgeo)</translation>
    </message>
    <message>
        <source>progress.csv and .xlsx, progress.html, progress.pdf and the run logs go here</source>
        <translation>progress.csv e .xlsx, progress.html, progress.pdf e os registros de execução vão aqui</translation>
    </message>
    <message>
        <source>Compare Versions</source>
        <translation>Comparar versões</translation>
    </message>
    <message>
        <source>Compute both versions in the background and show what changed</source>
        <translation>Calcular as duas versões em segundo plano e mostrar o que mudou</translation>
    </message>
    <message>
        <source>Close without comparing</source>
        <translation>Fechar sem comparar</translation>
    </message>
    <message>
        <source>Baseline:</source>
        <translation>Linha de base:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Depois:</translation>
    </message>
    <message>
        <source>The baseline project of the city</source>
        <translation>O projeto da linha de base da cidade</translation>
    </message>
    <message>
        <source>The later project of the city</source>
        <translation>O projeto posterior da cidade</translation>
    </message>
    <message>
        <source>Folder for the outputs of the progress</source>
        <translation>Pasta para os resultados do progresso</translation>
    </message>
    <message>
        <source>Comparing the two versions of the city…</source>
        <translation>Comparando as duas versões da cidade…</translation>
    </message>
    <message>
        <source>Progress over time cancelled</source>
        <translation>Progresso ao longo do tempo cancelado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progresso</translation>
    </message>
    <message>
        <source>Progress Over &amp;Time…</source>
        <translation>Progresso ao longo do &amp;tempo…</translation>
    </message>
    <message>
        <source>Compare two versions of a city&apos;s project (a baseline, then after new hubs or a new courier route): what changed, for whom and by how much, with a page and a PDF</source>
        <translation>Comparar duas versões do projeto de uma cidade (uma linha de base e depois com novos polos ou uma nova rota de transporte de amostras): o que mudou, para quem e quanto, com uma página e um PDF</translation>
    </message>
</context>
</TS>
