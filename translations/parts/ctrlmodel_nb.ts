<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb">
<context>
    <name>CodingController</name>
    <message>
        <location filename="../../annotator/ui/coding_controller.py" line="+146" />
        <source>'{label}' since {start}</source>
        <extracomment>the session's segments: the one copy, which the timeline and the table show</extracomment>
        <translation>«{label}» siden {start}</translation>
    </message>
    <message>
        <location line="+77" />
        <source>Nothing to undo.</source>
        <translation>Ingenting å angre.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nothing to redo.</source>
        <translation>Ingenting å gjøre om.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Undone: {step}.</source>
        <translation>Angret: {step}.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Redone: {step}.</source>
        <translation>Gjort om: {step}.</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+16" />
        <location line="+5" />
        <source>Not submitted</source>
        <translation>Ikke levert</translation>
    </message>
    <message>
        <location line="-20" />
        <source>A code is still being recorded: {codes}. End it (Enter) or discard it (Esc) first; nothing was changed.</source>
        <translation>En kode har fortsatt åpen registrering: {codes}. Avslutt den (Enter) eller forkast den (Esc) først; ingenting ble endret.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Submitted {case} session {number}.</source>
        <translation>Leverte {case} sesjon {number}.</translation>
    </message>
    <message>
        <location line="+21" />
        <location line="+5" />
        <source>Not saved</source>
        <translation>Ikke lagret</translation>
    </message>
    <message>
        <location line="+8" />
        <source>This session is submitted. Reopen it (Coding ▸ Reopen) to change it; reopening is logged.</source>
        <translation>Denne sesjonen er levert. Åpne den igjen (Koding ▸ Åpne igjen) for å endre den; det blir logget.</translation>
    </message>
</context>
<context>
    <name>SessionViews</name>
    <message>
        <location filename="../../annotator/ui/session_views.py" line="+69" />
        <source>{coder} (read only)</source>
        <translation>{coder} (skrivebeskyttet)</translation>
    </message>
</context>
</TS>
