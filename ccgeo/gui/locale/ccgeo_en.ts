<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name></name>
    <message numerus="yes">
        <source>%n imported id(s) were already used in the project and were renamed: {ids}</source>
        <translation>
            <numerusform>%n imported id was already used in the project and was renamed: {ids}</numerusform>
            <numerusform>%n imported ids were already used in the project and were renamed: {ids}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{rows} row(s), {columns} columns; the first {shown} shown.</source>
        <translation>
            <numerusform>{rows} row, {columns} columns; the first {shown} shown.</numerusform>
            <numerusform>{rows} rows, {columns} columns; the first {shown} shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked {count} row(s).</source>
        <translation>
            <numerusform>Checked {count} row.</numerusform>
            <numerusform>Checked {count} rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Replace the {count} facility(ies) of the project</source>
        <translation>
            <numerusform>&amp;Replace the {count} facility of the project</numerusform>
            <numerusform>&amp;Replace the {count} facilities of the project</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add them to the {count} facility(ies) of the project</source>
        <translation>
            <numerusform>&amp;Add them to the {count} facility of the project</numerusform>
            <numerusform>&amp;Add them to the {count} facilities of the project</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} facility(ies) will be imported, {review} of them flagged for review: they are marked in the attribute table, and the report is kept in the project (Layer ▸ Attribute table ▸ Import report).</source>
        <translation>
            <numerusform>{count} facility will be imported, {review} of them flagged for review: they are marked in the attribute table, and the report is kept in the project (Layer ▸ Attribute table ▸ Import report).</numerusform>
            <numerusform>{count} facilities will be imported, {review} of them flagged for review: they are marked in the attribute table, and the report is kept in the project (Layer ▸ Attribute table ▸ Import report).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written</source>
        <translation>
            <numerusform>%n file written</numerusform>
            <numerusform>%n files written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n candidate hub(s)</source>
        <translation>
            <numerusform>%n candidate hub</numerusform>
            <numerusform>%n candidate hubs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n upgrade(s) to {test}</source>
        <translation>
            <numerusform>%n upgrade to {test}</numerusform>
            <numerusform>%n upgrades to {test}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lab(s) closed</source>
        <translation>
            <numerusform>%n lab closed</numerusform>
            <numerusform>%n labs closed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to {folder}</source>
        <translation>
            <numerusform>Wrote %n file to {folder}</numerusform>
            <numerusform>Wrote %n files to {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to {folder}:
{names}</source>
        <translation>
            <numerusform>Wrote %n file to {folder}:
{names}</numerusform>
            <numerusform>Wrote %n files to {folder}:
{names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Every %n minute</numerusform>
            <numerusform>Every %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep a recovery copy of unsaved changes at least every %n minute(s)</source>
        <translation>
            <numerusform>Keep a recovery copy of unsaved changes at least every %n minute</numerusform>
            <numerusform>Keep a recovery copy of unsaved changes at least every %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n layer(s)</source>
        <translation>
            <numerusform>{name}: %n layer</numerusform>
            <numerusform>{name}: %n layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: {method}, %n labs{edits}.</source>
        <translation>
            <numerusform>Done: {method}, %n lab{edits}.</numerusform>
            <numerusform>Done: {method}, %n labs{edits}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{share} of %n spokes get a result within {days} working days of the sample ({rule})</source>
        <translation>
            <numerusform>{share} of %n spoke gets a result within {days} working days of the sample ({rule})</numerusform>
            <numerusform>{share} of %n spokes get a result within {days} working days of the sample ({rule})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n spokes served by {hubs} hubs in {loops} courier loops{frequency}, couriers {mode}</source>
        <translation>
            <numerusform>%n spoke served by {hubs} hubs in {loops} courier loops{frequency}, couriers {mode}</numerusform>
            <numerusform>%n spokes served by {hubs} hubs in {loops} courier loops{frequency}, couriers {mode}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n spokes cannot be served:</source>
        <translation>
            <numerusform>%n spoke cannot be served:</numerusform>
            <numerusform>%n spokes cannot be served:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n proposed {test} hubs count: in the what-if</source>
        <translation>
            <numerusform>The proposed {test} hub counts: in the what-if</numerusform>
            <numerusform>The %n proposed {test} hubs count: in the what-if</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Include the %n proposed {test} hubs</source>
        <translation>
            <numerusform>Include the proposed {test} hub</numerusform>
            <numerusform>Include the %n proposed {test} hubs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n spokes, {loops} courier loops{edits}.</source>
        <translation>
            <numerusform>Done: %n spoke, {loops} courier loops{edits}.</numerusform>
            <numerusform>Done: %n spokes, {loops} courier loops{edits}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Underserved areas: beyond {minutes}, %n areas, {people} people</source>
        <translation>
            <numerusform>Underserved areas: beyond {minutes}, %n area, {people} people</numerusform>
            <numerusform>Underserved areas: beyond {minutes}, %n areas, {people} people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new hubs</source>
        <translation>
            <numerusform>%n new hub</numerusform>
            <numerusform>%n new hubs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n upgrades</source>
        <translation>
            <numerusform>%n upgrade</numerusform>
            <numerusform>%n upgrades</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n labs closed</source>
        <translation>
            <numerusform>%n lab closed</numerusform>
            <numerusform>%n labs closed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n scenarios.</source>
        <translation>
            <numerusform>Deleted %n scenario.</numerusform>
            <numerusform>Deleted %n scenarios.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n scenarios…</source>
        <translation>
            <numerusform>Comparing %n scenario…</numerusform>
            <numerusform>Comparing %n scenarios…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Compared %n scenarios with their baseline.</source>
        <translation>
            <numerusform>Compared %n scenario with its baseline.</numerusform>
            <numerusform>Compared %n scenarios with their baseline.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new {test} hubs ({goal})</source>
        <translation>
            <numerusform>%n new {test} hub ({goal})</numerusform>
            <numerusform>%n new {test} hubs ({goal})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hubs ★</source>
        <comment>the proposal&apos;s number of hubs</comment>
        <translation>
            <numerusform>%n hub ★</numerusform>
            <numerusform>%n hubs ★</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hubs</source>
        <translation>
            <numerusform>%n hub</numerusform>
            <numerusform>%n hubs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new sites</source>
        <translation>
            <numerusform>%n new site</numerusform>
            <numerusform>%n new sites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new {test} hubs cut the mean trip from {before} to {after} min</source>
        <translation>
            <numerusform>%n new {test} hub cuts the mean trip from {before} to {after} min</numerusform>
            <numerusform>%n new {test} hubs cut the mean trip from {before} to {after} min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new {test} hubs bring +{people} people within {minutes} ({before} → {after})</source>
        <translation>
            <numerusform>%n new {test} hub brings +{people} people within {minutes} ({before} → {after})</numerusform>
            <numerusform>%n new {test} hubs bring +{people} people within {minutes} ({before} → {after})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scenario(s) from {folder}; {failed} failed</source>
        <translation>
            <numerusform>%n scenario from {folder}; {failed} failed</numerusform>
            <numerusform>%n scenarios from {folder}; {failed} failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scenario(s) of {name} in {file}</source>
        <translation>
            <numerusform>%n scenario of {name} in {file}</numerusform>
            <numerusform>%n scenarios of {name} in {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scenario batch cancelled: %n finished scenario(s) kept in {folder}; run it again to go on</source>
        <translation>
            <numerusform>Scenario batch cancelled: %n finished scenario kept in {folder}; run it again to go on</numerusform>
            <numerusform>Scenario batch cancelled: %n finished scenarios kept in {folder}; run it again to go on</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n city(ies) compared; tables, charts and brief in {folder}</source>
        <translation>
            <numerusform>%n city compared; tables, charts and brief in {folder}</numerusform>
            <numerusform>%n cities compared; tables, charts and brief in {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n project(s): {names}</source>
        <translation>
            <numerusform>%n project: {names}</numerusform>
            <numerusform>%n projects: {names}</numerusform>
        </translation>
    </message>
</context>
</TS>
