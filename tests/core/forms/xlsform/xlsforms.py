"""Four XLSForms written from the spec (xlsform.org) the way council form designers write them.

Row numbers in the tests are the Excel rows: the header is row 1, so `rows[i]` is row i+1.
"""

from __future__ import annotations

from datetime import datetime, time

from tests.core.forms.xlsform.workbooks import SheetRows

# 1. A translated, multi-section interview: groups, a nested group, a repeat, relevance,
#    constraints with messages, required expressions and shared choice lists.
INTERVIEW_SURVEY: SheetRows = [
    # A: type, B: name, C-D: label, E-F: hint, G: required, H: relevant, I: constraint,
    # J-K: constraint_message, L: appearance
    [
        "type",
        "name",
        "label::English (en)",
        "label::Cymraeg (cy)",
        "hint::English (en)",
        "hint::Cymraeg (cy)",
        "required",
        "relevant",
        "constraint",
        "constraint_message::English (en)",
        "constraint_message::Cymraeg (cy)",
        "appearance",
    ],
    ["begin group", "offer", "The offer", "Y cynnig", None, None, None, None, None, None, None,
     "field-list"],
    ["dateTime", "offer_made_at", "When was the interview offered?",
     "Pryd cynigiwyd y cyfweliad?", None, None, "yes", None, ". <= now()",
     "The offer cannot be in the future.", "Ni all y cynnig fod yn y dyfodol."],
    ["select_one offer_outcomes", "offer_outcome", "What was the outcome?",
     "Beth oedd y canlyniad?", None, None, "TRUE"],
    ["text", "decline_reason", "Why was it declined?", "Pam y'i gwrthodwyd?",
     "In the young person's words.", "Yng ngeiriau'r person ifanc.",
     "${offer_outcome} = 'declined'", "${offer_outcome} != 'accepted'", None, None, None,
     "multiline"],
    ["end group"],
    ["begin_group", "episode", "While they were missing", "Tra oeddent ar goll",
     "Only when the interview went ahead.", "Dim ond pan gynhaliwyd y cyfweliad.", None,
     "${offer_outcome} = 'accepted'"],
    ["integer", "nights_away", "How many nights were they away?",
     "Sawl noson oeddent i ffwrdd?", None, None, "yes", None, ". >= 0 and . <= 365",
     "Enter a number from 0 to 365.", "Rhowch rif rhwng 0 a 365."],
    ["select_multiple risks", "risks", "Which risks were identified?",
     "Pa risgiau a nodwyd?"],
    ["begin group", "cse_details", "Sexual exploitation", "Camfanteisio rhywiol", None, None,
     None, "selected(${risks}, 'cse')"],
    ["text", "cse_notes", "What did they tell you?", "Beth ddywedon nhw wrthych?", None, None,
     None, "${nights_away} > 0"],
    ["end group"],
    ["begin repeat", "people", "People they were with", "Pobl yr oeddent gyda nhw",
     "Add one row per person.", "Ychwanegwch un rhes i bob person."],
    ["text", "person_name", "Name or nickname", "Enw neu lysenw", None, None, "yes"],
    ["select_one relationship", "person_relationship", "How do they know them?",
     "Sut maen nhw'n eu hadnabod?", None, None, "yes"],
    ["integer", "person_age", "Approximate age", "Oedran bras", None, None, None, None,
     ". > 0 and . < 120", "Enter an age from 1 to 119.", "Rhowch oedran rhwng 1 a 119."],
    ["end repeat"],
    ["end group"],
    ["begin group", "after", "After returning", "Ar ôl dychwelyd"],
    ["select_one yes_no", "feels_safe", "Do they feel safe at home?",
     "Ydyn nhw'n teimlo'n ddiogel gartref?", None, None, "yes"],
    ["text", "safety_plan", "What will help them stay safe?",
     "Beth fydd yn eu helpu i gadw'n ddiogel?", None, None,
     "${feels_safe} = 'no' or count(${people}) > 0"],
    ["note", "helplines", "Missing People: 116 000. Childline: 0800 1111.",
     "Missing People: 116 000. Childline: 0800 1111."],
    ["end group"],
]  # fmt: skip

INTERVIEW_CHOICES: SheetRows = [
    ["list_name", "name", "label::English (en)", "label::Cymraeg (cy)"],
    ["offer_outcomes", "accepted", "Accepted", "Derbyniwyd"],
    ["offer_outcomes", "declined", "Declined by the young person", "Gwrthodwyd"],
    ["offer_outcomes", "no_contact", "No contact", "Dim cysylltiad"],
    ["risks", "cse", "Sexual exploitation", "Camfanteisio rhywiol"],
    ["risks", "cce", "Criminal exploitation", "Camfanteisio troseddol"],
    ["risks", "county_lines", "County lines", "Llinellau sirol"],
    ["relationship", "friend", "Friend", "Ffrind"],
    ["relationship", "partner", "Boyfriend or girlfriend", "Cariad"],
    ["relationship", "adult", "An adult they met", "Oedolyn y gwnaethant ei gyfarfod"],
    ["yes_no", "yes", "Yes", "Ie"],
    ["yes_no", "no", "No", "Na"],
]

INTERVIEW_SETTINGS: SheetRows = [
    ["form_title", "form_id", "version", "default_language"],
    ["Return home interview (pilot)", "rhi", "2024031501", "English (en)"],
]

INTERVIEW: dict[str, SheetRows] = {
    "survey": INTERVIEW_SURVEY,
    "choices": INTERVIEW_CHOICES,
    "settings": INTERVIEW_SETTINGS,
}

# 2. A flat supervision check-in: no groups, typed defaults (as Excel stores them), notes.
CHECK_IN: dict[str, SheetRows] = {
    "survey": [
        ["type", "name", "label", "hint", "default", "required"],
        ["note", "intro", "Use this at the start of each supervision session."],
        ["date", "session_date", "Date of the session", None, datetime(2024, 3, 14), "yes"],
        ["time", "session_start", "Start time", None, time(9, 30)],
        ["integer", "cases_discussed", "Cases discussed", "Count each child once.", 0, "yes"],
        ["decimal", "hours", "Length of the session in hours", None, 1.5],
        ["select_one wellbeing", "wellbeing", "How is the interviewer's wellbeing?", None, "ok"],
        ["text", "actions", "Agreed actions"],
        ["note", "next_due", "The next supervision is due within 28 days."],
    ],
    "choices": [
        ["list_name", "name", "label"],
        ["wellbeing", "good", "Good"],
        ["wellbeing", "ok", "OK"],
        ["wellbeing", "struggling", "Struggling"],
    ],
    "settings": [
        ["form_title", "form_id", "version"],
        ["Supervision check-in", "supervision_checkin", 3],
    ],
}

# 3. An episode log: select_multiple with selected() and count-selected(), dates checked
#    against today(), and calculations of each result type.
EPISODE_LOG_SURVEY: SheetRows = [
    [
        "type",
        "name",
        "label",
        "relevant",
        "constraint",
        "constraint_message",
        "calculation",
        "required",
    ],
    ["begin group", "episode", "The episode"],
    [
        "date",
        "last_seen",
        "Date last seen",
        None,
        ". <= today()",
        "The date cannot be in the future.",
        None,
        "yes",
    ],
    [
        "date",
        "found_on",
        "Date found",
        None,
        ". >= ${last_seen} and . <= today()",
        "Between the date last seen and today.",
    ],
    ["dateTime", "reported_at", "When was it reported to the police?", None, ". <= now()"],
    [
        "select_multiple places",
        "where_stayed",
        "Where did they stay?",
        None,
        "count-selected(.) <= 3",
        "Choose up to three places.",
    ],
    [
        "text",
        "street_details",
        "Tell us about sleeping rough",
        "selected(${where_stayed}, 'street')",
    ],
    ["calculate", "places_count", None, None, None, None, "count-selected(${where_stayed})"],
    [
        "calculate",
        "risk_level",
        "Risk level",
        None,
        None,
        None,
        "if(selected(${where_stayed}, 'street') or ${places_count} > 2, 'high', 'standard')",
    ],
    ["calculate", "review_by", "Review by", None, None, None, "coalesce(${found_on}, today())"],
    [
        "integer",
        "follow_up_days",
        "Days until follow-up",
        "${risk_level} = 'high'",
        ". >= 1",
        "At least one day.",
    ],
    ["end group"],
]

EPISODE_LOG: dict[str, SheetRows] = {
    "survey": EPISODE_LOG_SURVEY,
    "choices": [
        ["list_name", "name", "label"],
        ["places", "friend", "A friend's home"],
        ["places", "relative", "A relative's home"],
        ["places", "street", "Sleeping rough"],
        ["places", "unknown_address", "An address they did not know"],
    ],
    "settings": [
        ["form_title", "form_id", "version"],
        ["Missing episode log", "episode_log", 7],
    ],
}

# 4. Everything a designer might bring from ODK that RHI Desktop cannot import.
UNSUPPORTED_SURVEY: SheetRows = [
    # A type, B name, C label, D relevant, E calculation, F choice_filter, G repeat_count,
    # H read_only, I parameters, J trigger, K media::image, L appearance
    ["type", "name", "label", "relevant", "calculation", "choice_filter", "repeat_count",
     "read_only", "parameters", "trigger", "media::image", "appearance"],
    ["begin group", "main", "Main"],                                            # row 2
    ["geopoint", "where_found", "Where were they found?"],                      # row 3
    ["image", "photo", "Photo of the place"],                                   # row 4
    ["barcode", "code", "Scan the leaflet"],                                    # row 5
    ["start", "started"],                                                       # row 6
    ["select_one places", "place", "Place", None, None, "area = ${area}"],      # row 7
    ["text", "area", "Area", None, None, None, None, "yes"],                    # row 8
    ["integer", "score", "Score", None, None, None, None, None, "start=1"],     # row 9
    ["text", "notes", "Notes", None, None, None, None, None, None, "${area}",
     "map.png"],                                                                # row 10
    ["calculate", "place_name", None, None, "jr:choice-name(${place}, '${place}')"],  # 11
    ["calculate", "lookup", None, None, "pulldata('areas', 'name', 'id', ${area})"],  # 12
    ["text", "since", "Since", "once(${area}) != ''"],                          # row 13
    ["integer", "pos", "Position", "position(..) > 1"],                         # row 14
    ["text", "joined", "Joined", None, "concat(${area}, ' ', ${notes})"],       # row 15
    ["text", "nearby", "Nearby", "indexed-repeat(${place}, ${visits}, 1) != ''"],  # row 16
    ["begin repeat", "visits", "Visits", None, None, None, "${score}"],         # row 17
    ["text", "visit_place", "Place visited", None, None, None, None, None, None, None,
     None, "w2"],                                                               # row 18
    ["end repeat"],                                                             # row 19
    ["range", "rating", "Rating", None, None, None, None, None,
     "start=0 end=10 step=0.5"],                                                # row 20
    ["select_one places or_other", "place2", "Other place"],                    # row 21
    ["acknowledge", "ack", "Read the safety advice"],                           # row 22
    ["hidden", "secret", "Secret"],                                             # row 23
    ["text", "gps_note", "About the location", "${where_found} != ''"],         # row 24
    ["end group"],                                                              # row 25
]  # fmt: skip

UNSUPPORTED: dict[str, SheetRows] = {
    "survey": UNSUPPORTED_SURVEY,
    "choices": [
        ["list_name", "name", "label", "area"],
        ["places", "home", "Home", "north"],
        ["places", "park", "Park", "south"],
    ],
    "settings": [
        ["form_title", "form_id", "version"],
        ["Imported from ODK", "odk_import", "v2"],
    ],
}
