<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>ActionsEditor</name>
    <message>
        <source>Agreed actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due (dd/mm/yyyy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No actions agreed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add ac&amp;tion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action {0}: what was agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action {0}: who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action {0}: due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove action {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswersView</name>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Selected answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>The app is still finishing locking. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is not enrolled with the central service, so there is nothing to sync with: your work stays on this computer. To connect it, choose Enrol this computer in the File menu and type the one-time code from IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is not enrolled with the central service, so there is nothing to sync with: your work stays on this computer. IT can enrol it with a one-time code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutoSaver</name>
    <message>
        <source>The database was kept busy by other work for too long, for example a sync in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: free some space. Nothing already saved was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk could not be written to. Nothing already saved was lost; if this goes on, ask IT to check the disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file could not be written to: the profile folder may be read-only, or your account may not be allowed to use it. Nothing already saved was lost; ask IT for help if this goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of the database on this computer could not be read, and may be damaged. Keep this form open and ask IT for help; do not restore a backup, which would lose this interview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving has stopped: {0} Your latest answers on screen have not been saved, and this form can no longer be changed. Select and copy anything you need before you close it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your latest answers could not be saved yet: {0} They are still on screen, and saving will be tried again by itself until it works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your latest answers could not be saved yet (reference {0}). They are still on screen, and saving will be tried again by itself until it works.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <source>Name hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>72 hours after the child returned ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVERDUE: past 72 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due within 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed after 72 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed within 72 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child (hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>72-hour deadline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned for amendment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All interviews</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <source>What changed since revision {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision {0} is not on this computer, so the changes cannot be shown. Read the answers in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comments sent with revision {0} are not on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You asked for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left behind by a move to a newer form version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed by a move to a newer form version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {0} added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {0} removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {0}, not on the form version it moved to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {0}, changed by a move to a newer form version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {0}, changed by a move to a newer form version (now row {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {0} changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {0} changed (now row {1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceInputs</name>
    <message>
        <source>Read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Delete to clear the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommentsEditor</name>
    <message>
        <source>Comment on the chosen question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should the interviewer change or add?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments on &amp;questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments on questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;verall comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional when approving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a question in the answers to comment on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comment on: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment added on: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoreErrors</name>
    <message>
        <source>The file was left exactly as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details for IT: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After 1 more wrong attempt the data on this computer will be erased (unsynced work is lost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After {0} more wrong attempts the data on this computer will be erased (unsynced work is lost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That passphrase is not right. Check Caps Lock and the keyboard layout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile has no key file (vault.json), so its data cannot be opened. If the profile was wiped, set it up again; otherwise ask IT to restore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile already has a key file (vault.json); a new one would make its data unreadable. Unlock the existing profile or choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile&apos;s key file (vault.json) is damaged or has been altered. Do not delete the profile; ask IT to restore vault.json or to recover the profile with the organisation recovery key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile&apos;s key file (vault.json) and its database (rhi.db) do not belong together: one of them was replaced, or the start of the database is damaged. The passphrase was not tried and nothing was changed. Do not delete either file: restore both from the same backup, or ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile&apos;s key file was written by a newer version of RHI Desktop. Update the app (ask IT) to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That passphrase cannot be used: it is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That passphrase is too easy to guess, so it was not used. Choose {0} or more random, unrelated words, at least {1} characters in all, and not a well-known password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong passphrases. For your data&apos;s safety, wait before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase was wrong {0} times in a row, so as your organisation&apos;s policy requires, the data on this computer has been erased. Work that had synced is safe on the central service; set the app up again to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile&apos;s keystore share is missing: use the organisation recovery key. The profile was protected by a passphrase and this computer&apos;s keystore, and the keystore no longer holds its part of the key (for example after a different user account or computer was used). Ask IT to recover the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s keystore could not be reached. Sign out and in again (or unlock the keychain) and retry; if it keeps failing, ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation recovery key cannot be used. Ask IT to check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile has no recovery copy of its key: no organisation recovery key was set in machine policy when it was created or its passphrase last changed. It cannot be recovered; work that had synced is safe on the central service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database file ({0}) was found for this profile. Nothing was created: restore the profile folder from a backup, or set the device up again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file ({0}) is empty (0 bytes), so there is nothing to open. {1} Restore it from a backup or ask IT for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database file ({0}) already exists here, so a new one was not created. Open the existing profile instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be unlocked with this key. Either the key is wrong or the start of the file is damaged. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file ({0}) is incomplete: part of it is missing, for example after an interrupted copy. {1} Restore it from a backup or ask IT for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file ({0}) is damaged. {1} Restore it from a backup or ask IT for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full; free some space and try again. Nothing already saved was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was kept busy by other work for too long, for example a sync in progress or another RHI Desktop window using the same profile. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be read or written because of a disk or file-system error. Nothing already saved was lost; check the disk and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file could not be opened for reading and writing. Check that the profile folder is not read-only and that your account may use it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file ({0}) was deleted, moved or replaced while RHI Desktop had it open, so nothing more is saved to it. Ask IT for help before closing the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not switch to write-ahead logging, which keeps saved work safe. This happens on some network drives: keep the profile on this computer&apos;s own disk, or ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This installation cannot encrypt its database (SQLCipher is missing), so it refuses to open one. Reinstall RHI Desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was written by a newer version of RHI Desktop (schema version {0}; this version understands up to {1}). Install the newer version. {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the database from schema version {0} to {1} failed, so the update was undone and the database is unchanged. A backup copy is kept as {2}. Ask IT for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database needs updating from schema version {0} to {1}, and a backup copy is made first. That copy could not be written, so the update was not started and the database is unchanged. Check that the disk has free space and that the profile folder can be written to, then try again; if it keeps failing, ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record is no longer on this computer. Close it and look it up again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was changed elsewhere since it was opened. Reopen it to see the latest version, then make your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records due for deletion were not deleted: the database is not set to overwrite deleted data, so they could linger in the file. Ask IT to check the installation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change conflicts with a record already saved (a duplicate, or a link to a record that does not exist), so it was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has not yet received the newer version of this record from the central service, so your change cannot replace it yet. Sync first, then send the change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central service&apos;s version of this interview has moved on since (signed off and sent, or decided), so this earlier change cannot replace it. Discard it; the interview as the service holds it is the one on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another change to this record, made {0}, is also in this list. Deal with that one first (send it again or discard it), then with this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another change to this record, made {0}, is still waiting to be sent. Sync first so that it is sent, then deal with this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This interview can no longer be changed on this computer: it has been signed off or sent. Answers can change again only after a coordinator returns it and it is reopened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A review decision is final; record a new review instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This interview is “{0}”, so it cannot become “{1}”. Refresh the caseload to see where it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form {0} version {1} is not installed on this computer. Sync to fetch it, or ask IT to install it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This interview&apos;s form is damaged on this computer, so it cannot be opened. Sync to fetch the form again, or ask IT to reinstall the app. The answers are safe in the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annex A List 8 was not made: episodes of case reference {0} overlap, so one absence may have been recorded twice (by two interviewers, say). The records need correcting at the central service first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The panel rules in {0} cannot be used, so no panel list was made. Ask IT to correct the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSDA903 missing table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annex A List 8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} cannot be made on this computer: records up to {1} have been removed from it under the retention policy, so it would be missing some of them. It needs a computer that keeps approved interviews for the whole period; IT sets how long they are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} was not made: the child records of case reference {1} disagree on the date of birth, gender or ethnicity, so it cannot tell which is right. The records need correcting at the central service first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a whole calendar month can be verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database cannot record verified months yet; update RHI Desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} has not ended yet, so its figures cannot be verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of {0}&apos;s records have been removed from this computer under the retention policy, so its figures cannot be verified here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DialogParts</name>
    <message>
        <source>RHI Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <source>Connect to your central service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolling lets this computer send finished interviews for review and receive new assignments. You can also work offline and enrol later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enrol this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time &amp;code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address is set by your organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolling is not available in this version of the app yet. Choose Continue offline: your work stays encrypted on this computer and you can enrol later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server address and your one-time code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrolWizard</name>
    <message>
        <source>Enrol this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSDA903 missing table (DfE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annex A List 8 missing columns (Ofsted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places for the GIS map (GeoJSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly report (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collection year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As at (dd/mm/yyyy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collection &amp;year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;As at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fo&amp;rmat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fi&amp;le:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems to correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This export is written as {0}: end the file&apos;s name with .{1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The monthly report is of one month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} already exists. Replace it with this export?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote 1 mapped place to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {0} mapped places to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 place could not be placed (no position, or a postcode not in the lookup).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} places could not be placed (no position, or a postcode not in the lookup).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the {0}-page report to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote 1 row to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {0} rows to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldView</name>
    <message>
        <source>{0} (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (row {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, required</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up RHI Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create &amp;encrypted profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue &amp;offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create encrypted profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open caseload</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormIssues</name>
    <message>
        <source>Enter a date like 27/11/2026 or 27 Nov 2026.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date and a time, like 27/11/2026 14:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a time like 14:30 or 2.30pm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number, like 2.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose from the answers offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the place, and give a UK postcode only if you know it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This answer is not the kind the question asks for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number is too large: check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a UK postcode: check it, or leave the postcode out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This answer is too long to keep: shorten it to {0} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This question needs an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This answer is not allowed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least 1 row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least {0} rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep to at most 1 row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep to at most {0} rows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormRenderer</name>
    <message>
        <source>Previous section ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next section ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Because of this answer, other answers need attention in: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove row {0} from {1}? Its answers will be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: not asked now, as earlier answers mean it does not apply.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormVersions</name>
    <message>
        <source>the new version no longer asks this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the question now takes a different kind of answer, so answer it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new version works this out from other answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the old version worked this out; the new version asks it, so answer it there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rating scale has other ends now, so rate it again there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer no longer fits the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not asked by the new version, given the other answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>carried over as it is, but it no longer fits the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the question is now asked in each row of {0}, so answer it there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the question is now asked once, not in each row, so answer it there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an answer given is no longer offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer offered: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• {0}: this draft has {1} rows and version {2} allows {3}. Every row is carried over; remove rows to sign off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every answer will be carried over to version {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These answers were not carried over to version {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These answers cannot be carried over to version {0} and will be left behind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These answers move with the draft but are not shown, as version {0} does not ask them given the other answers; each comes back if its question is asked before the draft is closed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These answers are carried over as they were, but no longer fit their questions in version {0} (a text too long now, say): correct them before signing off:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (row {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (rows {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {1} of this form is installed. This draft stays on version {0} unless you move it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to version {0}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HiddenAnswers</name>
    <message>
        <source>⚠ Your answer to “{0}” hides answers already given in: {1} (answers hidden: {2}). Hidden answers are not kept with the interview. Choose Undo to bring them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ As the date or time changed, questions already answered are no longer asked in: {0} (answers hidden: {1}). Hidden answers are not kept with the interview; they come back if the questions are asked again before it closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ As rows were added or removed, questions already answered are no longer asked in: {0} (answers hidden: {1}). Hidden answers are not kept with the interview; they come back if the questions are asked again before it closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Questions already answered are no longer asked in: {0} (answers hidden: {1}). Hidden answers are not kept with the interview; they come back if the questions are asked again before it closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the answer that hid them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers hidden</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterviewFormEditor</name>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of Check answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the move did not carry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the move did not carry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved at {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving works again: every answer is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved since {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving has stopped; read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Every answer is complete and valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 answer needs attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} answers need attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first is in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No newer version of this form can be used on this computer, so this draft stays on version {0}. If you expected one, ask IT to check the installed forms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to a newer form version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This draft moved to version {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…and {0} more: choose Show Details to read them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving ends the chance to undo the change that hid answers. The answers it hid move with the draft, and come back if their questions are asked again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move to version {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stay on version {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This draft can be moved once your latest answers are saved. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your latest answers are still being saved. Try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This draft could not be moved to version {0} and stays on version {1}. {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved to version {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterviewState</name>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed off, ready to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned for amendment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet sent for review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterviewWindow</name>
    <message>
        <source>&amp;Amend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amend the returned interview as a new revision ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign off the completed interview ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without what was typed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without the hidden answers?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without the answers kept aside?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some answers in this interview could not be saved, and closing it now would lose them. The message above the form says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change to an answer hid answers already given, and they are no longer kept with the interview: closing it now would lose them for good. To keep them, choose Keep working, then Undo in the notice above the form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers already given were kept aside, as their questions are no longer asked (after moving this draft to a newer version, adding or removing a row, or as the date changed): closing it now would lose them for good. To keep them, choose Keep working, then answer so that their questions are asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case {0} · returned {1} · 72 hours end {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kpi</name>
    <message>
        <source>Found episodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat missing children (in the period)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat missing children (last 12 months)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UASC children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RHIs due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RHIs offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RHIs offered within 72 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RHIs accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RHIs declined by the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RHIs declined by parent or carer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RHIs not offered (decision recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RHIs completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RHIs completed within 72 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median hours from return to interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisions due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisions held on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RHIs offered (% of due)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered within 72 hours (% of due)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted (% of offered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed within 72 hours (% of due)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision on time (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provisional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed since verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records up to {0} have been removed from this computer under the retention policy, so these figures may be lower than the true count: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiDashboardPage</name>
    <message>
        <source>KPI dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UASC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looked after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episode type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team members (tick to count only their work)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interviewer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;UASC:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Looked after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episode t&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;eam members:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ve&amp;rify this month…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter on a figure to list the records behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart of RHIs within 72 hours by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart of episodes, children and RHIs due by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly trend as a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Table tab lists the same figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 team member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} team members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out the figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These filtered figures come from the month&apos;s records; the month was verified on all of them, not on these figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A month is verified on all of its records, not on filtered figures: clear the filters to verify it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: verified by {1} on {2}. Records have since been removed from this computer under the retention policy, so some figures here are lower than those verified: {3}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: verified by {1} on {2}; the figures match what was verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} was {1}, now {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show recor&amp;ds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: records have changed since {1} verified the figures on {2}. What changed: {3}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: these figures can change until a coordinator verifies the month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: a date range counts as verified only when every whole month in it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ve&amp;rify again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a coordinator or service manager can verify a month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a whole month to verify it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the filters to verify the whole month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A month can be verified once it has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of this month&apos;s records have been removed from this computer, so it cannot be verified here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month is verified and unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the figures for {0}? They will be recorded as checked by you, and the app will say if the records behind them change later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LateReasonDialog</name>
    <message>
        <source>Signed off after 72 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviews should be completed within 72 hours. Record why this one was not; managers and inspectors see this reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for completing after 72 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: the young person was not available until after the weekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child returned on {1}, 1 hour ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child returned on {1}, {0} hours ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child returned on {1}, 1 day ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child returned on {1}, {0} days ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the reason before saving.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocationInput</name>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: postcode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>RHI Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New found child…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;offer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show child &amp;names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync &amp;details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enrol this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes needing &amp;attention…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseload views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by case reference or status (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is due. New found children appear here after a sync, or when you record one with New found child (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interviews are in progress. An interview moves here when you open it from Due with Open interview (Ctrl+I), and stays until you sign it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is waiting to be sent. Interviews you sign off wait here until the next sync sends them for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interviews have been returned to you. If a coordinator asks for changes, the interview appears here after a sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interviews are waiting for review. Signed-off interviews appear here once a sync has sent them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interviews have been approved yet. They appear here after a sync, once a coordinator approves them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no interviews on this computer yet. They appear after a sync, or when you record a new found child (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child declined: record a new offer first (Ctrl+O), then open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the offer first (Ctrl+O): the interview opens once offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen without what was typed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This interview has changed since its window was opened, and the window holds answers that are not kept. Reopening shows the interview as it now stands and closes that window, losing them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reopen anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers on screen could not all be saved, so this interview cannot be signed off yet. The interview window says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some answers in an open interview are not kept (they could not be saved, or a change or a move to a newer version hid them), and quitting now would lose them. The interview window says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit without what was typed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock to finish the details being typed in a dialog the lock hid; quitting now would lose them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock to see the answers in an open interview that are not kept; quitting now would lose them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{1} of 1 interview shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{1} of {0} interviews shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Enter the child&apos;s case reference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case reference cannot start with =, +, - or @, or hold tabs or line breaks: spreadsheets opening the returns would run it as a formula. Type it as your case management system shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the child&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A child with this case reference is already on this computer. Check the reference; if it is the same child, ask your coordinator to add the episode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child was 18 or older when the episode started; return interviews are for children under 18. Check the date of birth and the start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The episode must start before the child returned. Check both dates and times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The episode cannot start before the date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The return time is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away from placement applies only to a child who is looked after. Tick Looked after, or choose M if the child went missing from home.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offer time is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offer cannot be before the child returned. Check the date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter who made the offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason: why it was declined, why there was no contact, or why it was not offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An offer can only be recorded before the interview starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is more than 72 hours after the child returned: record why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interview changed while it was being signed off, so it has not been signed off. Check the answers and sign off again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: this is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: type a date like 07/03/2011 or 7 Mar 2011.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: check the year: type one from {1} to {2}, in full like 2011.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: type a time like 14:30 or 2.30pm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: there is no such time: check the hour and minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: there is no such date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: there is no such time (the clocks went forward then).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: that time happened twice, as the clocks went back. Add BST for the first time, or GMT for the second, e.g. 01:30 GMT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: the UK was not on that time then. Leave out BST or GMT, or correct the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: midnight may be the start of that day or its end: type 00:00 for the start, or 23:59 for the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: the day of the week is not that date&apos;s: check the date, or leave the day out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 interview could not be read: its form version is not on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} interviews could not be read: their form version is not on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app is locked; unlock it to read or change case data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app could not replace {0}: it may be open in another program. Close it there and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app could not use a file or folder{0}: {1}. Check it exists and you can write to it, or ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorry, something went wrong (reference {0}). Your saved work is safe. If it happens again, tell IT the reference.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthlyReport</name>
    <message>
        <source>{0}: verified on {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: verified on {1}, but the records have changed since. Figures that differ from what was verified: {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: these figures may change until a coordinator verifies the month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return home interviews: monthly report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records covered: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends over the last twelve months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records up to {0} have been removed from this computer under the retention policy: months up to then may show fewer than there were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered in 72 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed in 72 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None recorded this month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also recorded this month: {0} more of this kind, each in as many interviews or fewer. All are on the Themes screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What interviews said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From 1 signed-off interview whose child returned this month; {1} could not be read on this computer (their form version is not installed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {0} signed-off interviews whose child returned this month; {1} could not be read on this computer (their form version is not installed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes are not part of the verified figures: they follow each interview&apos;s latest signed-off answers, so an amendment after verification changes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push factors (most mentioned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull factors (most mentioned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk indicators (most mentioned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places mentioned for two or more different children: {0}. Associates mentioned for two or more different children: {1}. (The places and people themselves are not in this report.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RHI monthly report, {0}, {1} only: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RHI monthly report, {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RHI monthly report {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MySessionsPanel</name>
    <message>
        <source>Held on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My supervision sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No supervision sessions recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm you have read this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged. It will be sent at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MySupervisionPage</name>
    <message>
        <source>My supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your coordinator records each supervision session. Read each record and acknowledge it; the acknowledgement goes back at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New found child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Looked after (in care)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looked after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unaccompanied asylum-seeking child (UASC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unaccompanied asylum-seeking child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episode type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M: missing, whereabouts unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A: away from placement without authorisation, whereabouts known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case &amp;reference:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing episode (UK time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starte&amp;d (last seen):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;eturned or found:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfferDialog</name>
    <message>
        <source>Offer the interview again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record an offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child declined before. Record this new offer and how it went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record each attempt, including ones where you could not reach the child.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it was offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child chose the venue and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the outcome: what happened when the interview was offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it was declined, why there was no contact, or why it was not offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When (UK time):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;By whom:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Child chose venue and time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfferWords</name>
    <message>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Through a parent or carer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Through the social worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined by the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined by a parent or carer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PanelPage</name>
    <message>
        <source>Panel week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week beginning {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Week:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why on the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children for the panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High-risk panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out the list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} episodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} interviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 or more episodes in 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sexual or criminal exploitation indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immediate safeguarding concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UASC placed out of area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 child for the panel, by {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} children for the panel, by {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records up to {0} have been removed from this computer under the retention policy, so these rules may miss children: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the child&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1}; {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the built-in rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rules in {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Choose your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It protects the case data kept on this computer. You will type it each time you unlock the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use three random words, as the National Cyber Security Centre advises: three words that have nothing to do with each other or with you. Add a fourth word for extra strength. Do not use this passphrase anywhere else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show what I type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking this computer&apos;s keystore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protected by your passphrase and this computer&apos;s keystore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protected by your passphrase only: no system keystore is available on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating your encrypted profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it again to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ The passphrases match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ The passphrases do not match yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>A month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (dd/mm/yyyy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (dd/mm/yyyy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period must not end before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QualityReviewPage</name>
    <message>
        <source>Quality of supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions your team recorded that have not been rated yet, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions waiting for a quality rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions are waiting for a quality rating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ra&amp;te session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision quality</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuarantineView</name>
    <message>
        <source>Child&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer of an interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinator&apos;s review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision quality review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes needing attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central service did not accept these changes. Each stays on this computer until you send it again (after the record is put right) or discard it. Where the service has a newer version made elsewhere, sending yours again replaces it. Each choice is recorded in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change sent again was refused again: it is listed with why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} changes sent again were refused again: they are listed with why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued to send at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the newer version?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed on another computer since your last sync. Send yours again to replace that version, or discard yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account may not make this change. Ask your coordinator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central service found the record invalid. Ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It refers to a record the central service does not have. Send it again after the next sync; if it stays here, ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central service already has a different change like it. Ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is too large to send. Ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interview was decided on another computer, or sent again, before this decision arrived. Discard this one; the review queue shows what is waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change cannot be sent in the form it is in. Ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central service has a newer version of this record ({0}), made elsewhere (on another computer, or saved later on this one). Sending this change replaces that version with yours, and anything changed only in the newer version is lost. Until the next sync this computer shows your change. Your choice is recorded in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued to send at the next sync, in place of the newer version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your review and its comments are removed from this computer, and the central service never has them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This supervision session never reached the central service, and it is removed from this computer too, unless a rating made here refers to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rating never reached the central service, and it is removed from this computer too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was changed in this record ({0}) on this computer is lost for good: this computer keeps the central service&apos;s newer version instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change to this record ({0}) will not be sent to the central service, and cannot be sent later. This computer still shows it, but the central service and everyone else keep their version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The discarding is recorded in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RateSessionDialog</name>
    <message>
        <source>Rate the quality of supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done well, and what would make supervision better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ating:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a rating from 1 to 4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordSessionDialog</name>
    <message>
        <source>Record a supervision session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision with {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases discussed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interviews of theirs are on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wellbeing and secondary trauma check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How they are; signs of secondary trauma; support offered or agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date held:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cases discussed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reflections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wellbeing and secondary trauma check:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed actions:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message>
        <source>Records behind a figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records behind {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{1}: 1 record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{1}: {0} records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Went missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found or returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looked after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UASC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RepeatGroup</name>
    <message>
        <source>Remove this row ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: row {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove row {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove row {0} from {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a row to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a row ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{1} takes at most 1 row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{1} takes at most {0} rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {1} removed from {2}; 1 row left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {1} removed from {2}; {0} rows left.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewCommentsPanel</name>
    <message>
        <source>Coordinator&apos;s comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned by the coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No overall comment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments on questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A question not on this form version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This question is not on the form version the draft is on, so there is no answer to go to. Answer the comment where the form asks about it now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revision {0}, resubmitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revision {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case {0} ({1}). Interviewer: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how sensitive answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show sensitive answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers the form marks sensitive are hidden until you tick this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview under review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Offers and timings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What changed since revision {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Return for amendment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return for amendment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pprove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You wrote a comment on “{0}” but did not add it. Add it, or clear it, then decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve the interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve revision {0} of this interview? The interviewer sees the approval after the next sync. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return the interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return revision {1} to the interviewer with 1 comment? They amend it and send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return revision {1} to the interviewer with {0} comments? They amend it and send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without sending your comments? They are not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep reviewing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>Case reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed off within 72 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (resubmitted)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewQueuePage</name>
    <message>
        <source>Interviews to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interviews are waiting for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 interview waiting for review: {1} resubmitted, {2} signed off later than 72 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} interviews waiting for review: {1} resubmitted, {2} signed off later than 72 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved. The interviewer is told at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned for amendment. The interviewer gets your comments at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewWords</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not asked on form version {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked in each row of {1} on form version {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its choice is not offered on form version {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not fit the question on form version {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A question not on this form version ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers to questions not on this form version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, later than 72 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This interview is no longer waiting for review: it was decided, perhaps on another computer. Close this review; the queue shows what is still waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A newer revision of this interview has arrived since you opened it, so this decision was not saved. Close this review and open the interview again from the queue to read the new revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To return the interview, write at least one comment: on a question, or overall.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunGui</name>
    <message>
        <source>RHI Desktop is already open with this profile. Use the window that is open: two at once would each save over what the other saves.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavingDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard what you typed? It has not been saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard what you typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionNavigator</name>
    <message>
        <source>– Not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◦ Nothing required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>This section is not needed: earlier answers mean it does not apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SensitiveAnswers</name>
    <message>
        <source>Hidden: sensitive answer. Choose Show sensitive answers to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(hidden: sensitive answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SensitiveCover</name>
    <message>
        <source>Hidden. Choose Show to read or change this answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden. Choose Show to read this answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide answer: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show answer: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionDetails</name>
    <message>
        <source>Supervision record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a session to read its record.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignOff</name>
    <message>
        <source>This interview has not been started, so there is nothing to sign off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This interview uses a form this version of the app does not have. Update the app (ask IT), then sign it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers are too long to send to the central service in one record. Shorten the longest of them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorten them in the interview, then sign off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the interview to shorten them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some answers need attention before you can sign off:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…and {0} more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check answers in the interview takes you to each in turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the interview to complete them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (row {1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Sign off the interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once signed off, the interview is read-only on this computer and is ready to send for review. A coordinator can return it to you for changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ A change to an answer hid answers already given. They are not part of the interview, and signing off lets go of them for good. To keep them, cancel, open the interview and choose Undo in the notice above the form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Answers already given were kept aside, as their questions are no longer asked (after moving the draft to a newer version, adding or removing a row, or as the date changed). They are not part of the interview, and signing off lets go of them for good. To keep them, cancel and answer so that their questions are asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I &amp;confirm this record is complete and accurate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the record is complete and accurate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the box to confirm the record.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ssda903</name>
    <message>
        <source>the episode ends before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the episode starts before the date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the episode overlaps the child&apos;s previous episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new episode starts while the previous one is still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date falls outside the collection year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the child has no case reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case reference would run as a formula in a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the episode type is not M or A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSDA903 missing table was not written: 1 problem would break the DfE&apos;s validation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSDA903 missing table was not written: {0} problems would break the DfE&apos;s validation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They concern 1 child.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They concern {0} children.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the episodes listed against the child&apos;s case records: an episode cannot be changed in RHI Desktop once it is recorded, so a mistaken or duplicated one needs correcting at the central service before the table can be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>episode {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} episode from {1}, still missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} episode {1} to {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no case reference)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength: {0}. Good enough to use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength: {0}. Not strong enough yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>very weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>very strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is one of the passwords attackers try first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is short: use at least 12 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use three or more random words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It repeats characters or uses runs like abc or 123, which are easy to guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It uses only one kind of character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good: it is long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good: it has several separate words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good: it mixes kinds of characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <source>a case not on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held on {0} by {1} with {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next due: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases discussed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wellbeing and secondary trauma check:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed actions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (by {1}, due {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality rated {0} by {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is no longer on your team&apos;s list. Sync, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session date is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the wellbeing and secondary trauma check: how they are, and any support agreed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed action {0}: say what was agreed, or remove the action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed action {0}: say who will do it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed action {0}: the due date is before the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the person supervised can acknowledge this record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record has already been acknowledged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You held this session, so someone else rates its quality.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session&apos;s quality has already been rated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 – Inadequate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 – Requires improvement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 – Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 – Outstanding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: never supervised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue by 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue by {0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due in {0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone not on your team&apos;s list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} at {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisionPage</name>
    <message>
        <source>Supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision is due every 28 days after the last session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People you supervise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody to supervise yet. Your team&apos;s list arrives with each sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions with the chosen person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;My supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a session to read its record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions recorded with {0} yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision session saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncBridge</name>
    <message>
        <source>The server address must be an https address, like https://rhi.example.gov.uk. Check it with IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is enrolled. Your work will be sent when you are online.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncErrors</name>
    <message>
        <source>Your work is kept on this computer and will be sent later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment was refused: the code is not recognised. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment was refused: the code has expired. Ask IT for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment was refused: the code has already been used. Ask IT for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment was refused: the code is not in the expected form (letters, digits and dashes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment was refused: this profile holds another user&apos;s work. Use a new profile for this user, and ask IT to revoke the device just enrolled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central service has revoked this computer, so the data on it has been erased. Work that had synced is safe on the central service; to continue, set the app up again with a one-time code from IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central service could not be reached. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central service had a problem. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central service&apos;s identity could not be verified, so nothing was sent. Ask IT to check the server address and certificate settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device has been revoked by the central service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer cannot sync because it is not enrolled with the central service. Enrol it with a one-time code from IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central service no longer recognises this computer. Ask IT for a new one-time code, then choose Enrol this computer in the File menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central service refused the sync because this computer&apos;s audit trail is behind what it reported before. Contact IT support; do not delete anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central service refused the request (HTTP {0}, {1}). The app may need updating; contact IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine policy names the central service {0}, but this computer is enrolled with {1}. Enrol it again with a one-time code from IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA bundle {0} named by machine policy cannot be read. Ask IT to check it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is not enrolled with the central service, so your work stays on this computer. Choose Enrol this computer in the File menu to connect it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 change waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} changes waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync has run since the app was unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync did not finish:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}. {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Clock {0} slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Clock {0} fast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s clock was {0} out from the central service&apos;s at the last sync, so the time left to interview and the times recorded here are out by as much. Ask IT to set this computer&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing… sending changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing… receiving updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the central service; will try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central service had a problem; will try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync did not finish: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced: sent {0}, received {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}. {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A form the central service published could not be installed on this computer: tell IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThemeNotes</name>
    <message>
        <source>Approved interviews whose child returned up to {0} have been removed from this computer under the retention policy, so these themes may be lower than there were.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThemesPage</name>
    <message>
        <source>&amp;Show themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;names and places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show names and places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme, place or associate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Across children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the interviews…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Associate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 signed-off interview analysed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} signed-off interviews analysed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recurring across different children: places {0}, associates {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a longer period to see themes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of them records a push or pull factor, a risk indicator, a place or an associate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recurs: {0} children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden: tick Show names and places to read it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimingsView</name>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found or returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview due by (72 hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed off within 72 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;ffers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child chose venue and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No offer was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month ({0} to {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RHIs within 72 hours as a % of RHIs due, last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered within 72 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed within 72 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Episodes, children and RHIs due, last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found episodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RHIs due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered within 72 hours (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed within 72 hours (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (nothing due)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UkInput</name>
    <message>
        <source>Enter a date like 27/11/2026 or 27 Nov 2026.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such date: check the day and month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a time like 14:30 or 2.30pm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such time: check the hour and minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date and a time, like 27/11/2026 14:30 or 27 Nov 2026 2.30pm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That time did not happen in the UK: the clocks went forward an hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That time happened twice, as the clocks went back. Add BST for the first time, or GMT for the second, like 26/10/2025 01:30 GMT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the year: enter one from {0} to {1}, written in full like 2026.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The UK was not on that time then. Leave out BST or GMT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Midnight may be the start of that day or its end: enter 00:00 for the start, or 23:59 for the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day of the week is not that date&apos;s: check the date, or leave the day out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a date, like 27/11/2026.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hh:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a time, like 14:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy hh:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a date and a time, like 27/11/2026 14:30.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <source>RHI Desktop is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock RHI Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case data is hidden and the database is closed. Type your passphrase to carry on where you left off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your passphrase to open your caseload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can try again in {0} min {1:02d} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can try again in 1 second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can try again in {0} seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>RHI Desktop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewListModel</name>
    <message>
        <source>{1}, 1 interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{1}, {0} interviews</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
