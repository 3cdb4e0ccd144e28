<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AppController</name>
    <message>
        <source>Data erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutoSaver</name>
    <message>
        <source>Saving has stopped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your latest answers could not be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your latest answers could not be saved (reference {0}). They are still on screen, and saving will be tried again with your next change.</source>
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
    <name>ChoiceInputs</name>
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
        <source>Enrolment status</source>
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
        <source>&amp;Open caseload</source>
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
</context>
<context>
    <name>FormRenderer</name>
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
</context>
<context>
    <name>FormVersions</name>
    <message>
        <source>the new version no longer asks this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the question moved to another part of the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the question now takes a different kind of answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new version works this out from other answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer no longer fits the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer offered: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every answer will be carried over to version {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These answers cannot be carried over to version {0} and will be left behind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(rows {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ℹ Version {1} of this form is installed. This draft stays on version {0} unless you move it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to version {0}…</source>
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
        <source>Check answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved at {0}</source>
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
        <source>Move to a newer form version</source>
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
        <source>Your latest answers are still being saved. Try again shortly.</source>
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
        <source>Interview (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview</source>
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
        <source>The child returned on {0}, {1} hours ago. Interviews should be completed within 72 hours. Record why this one was not; managers and inspectors see this reason.</source>
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
        <source>Caseload note</source>
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
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interviews in this view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} interviews shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
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
        <source>{0}: this is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: type the date as dd/mm/yyyy, e.g. 07/03/2011.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: there is no such date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: type the time as HH:MM (24-hour), e.g. 14:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: there is no such time (the clocks went forward then).</source>
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
        <source>&amp;Started (last seen):</source>
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
        <source>Passphrases match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking this computer&apos;s keystore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protection in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
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
</context>
<context>
    <name>SavingDialog</name>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>○ Not started</source>
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
    <name>SensitiveCover</name>
    <message>
        <source>Hidden. Choose Show to read or change this answer.</source>
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
        <source>Some answers need attention before you can sign off:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…and {0} more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the interview to complete them.</source>
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
        <source>Once signed off, the interview is read-only on this computer and is ready to send for review. A coordinator can return it to you for changes.</source>
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
    <name>StrengthMeter</name>
    <message>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase strength verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
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
    <name>SyncBridge</name>
    <message>
        <source>This computer is enrolled. Your work will be sent when you are online.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Offline</source>
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
        <source> ({0} need attention)</source>
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
        <source>Locked</source>
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
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hh:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy hh:mm</source>
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
        <source>Unlock message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time until you can try again</source>
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
        <source>{0}, {1} interviews</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
