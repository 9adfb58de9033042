"""Writes judgments.jsonl from the editor's judgments below (the checks and the format are in
bench/judgments.py).

    python3 bench/knowledge/build_judgments.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.judgments import EV, ORG, PER, Judgments

judgments = Judgments(Path(__file__).resolve().parent)
s = judgments.story


s(
    "kerman-quake-01",
    "kerman-quake",
    ["mehdi-zare"],
    [
        ("rabor-earthquake-2026", EV, "about", ["earthquake measuring 5.9", "quake"]),
        ("iranian-seismological-center", ORG, "mentions", ["Iranian Seismological Center"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("mehdi-zare", PER, "quoted", ["Mehdi Zare"]),
        ("irna", ORG, "mentions", ["IRNA"]),
    ],
)
s(
    "kerman-quake-02",
    "kerman-quake",
    ["mehdi-zare"],
    [
        ("rabor-earthquake-2026", EV, "about", ["magnitude 5.9 earthquake"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "Red Crescent"]),
        ("mehdi-zare", PER, "quoted", ["Mehdi Zare", "Zare"]),
    ],
)
s(
    "kerman-quake-03",
    "kerman-quake",
    ["ahmad-salehi"],
    [
        ("rabor-earthquake-2026", EV, "about", ["earthquake", "Wednesday's quake"]),
        ("ahmad-salehi", PER, "quoted", ["Ahmad Salehi", "Salehi"]),
        ("kerman-crisis-management", ORG, "mentions", ["provincial crisis management office"]),
        ("ircs", ORG, "mentions", ["Red Crescent"]),
    ],
)
s(
    "kerman-quake-04",
    "kerman-quake",
    ["pirhossein-kolivand"],
    [
        ("rabor-earthquake-2026", EV, "about", ["earthquake in Kerman province"]),
        ("pirhossein-kolivand", PER, "quoted", ["Pirhoshein Kolivand", "Kolivand"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("mehdi-zare", PER, "mentions", ["Mehdi Zare"]),
        ("irna", ORG, "mentions", ["IRNA"]),
    ],
)
s(
    "kerman-quake-05",
    "kerman-quake",
    ["javad-bahrami"],
    [
        ("rabor-earthquake-2026", EV, "about", ["last week's earthquake", "quake"]),
        ("housing-foundation", ORG, "about", ["Housing Foundation of the Islamic Revolution"]),
        ("javad-bahrami", PER, "quoted", ["Javad Bahrami", "Bahrami"]),
        ("ahmad-salehi", PER, "mentions", ["Ahmad Salehi"]),
        ("ircs", ORG, "mentions", ["Red Crescent"]),
    ],
)

s(
    "golestan-flood-01",
    "golestan-flood",
    [],
    [
        ("golestan-floods-2026", EV, "about", ["Flash floods", "Golestan floods"]),
        ("golestan-crisis-management", ORG, "mentions", ["provincial crisis management headquarters"]),
        ("golestan-meteorological-office", ORG, "mentions", ["provincial meteorological office"]),
    ],
)
for f, dup in (("golestan-flood-02", None), ("golestan-flood-02-resent", "golestan-flood-02")):
    s(
        f,
        "golestan-flood",
        ["vahid-rostami", "vahid-rostami"],
        [
            ("golestan-floods-2026", EV, "about", ["floodwater"]),
            ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS", "Red Crescent"]),
            ("vahid-rostami", PER, "quoted", ["Vahid Rostami", "Rostami"]),
            ("irna", ORG, "mentions", ["IRNA"]),
        ],
        dup,
    )
s(
    "golestan-flood-03",
    "golestan-flood",
    ["leila-moradi"],
    [
        ("golestan-floods-2026", EV, "about", ["floods"]),
        ("leila-moradi", PER, "quoted", ["Dr. Leila Moradi", "Moradi"]),
        ("golestan-ums", ORG, "mentions", ["Golestan University of Medical Sciences"]),
    ],
)
s(
    "golestan-flood-04",
    "golestan-flood",
    ["vahid-rostami"],
    [
        ("golestan-floods-2026", EV, "about", ["the week's floods"]),
        ("ircs", ORG, "mentions", ["Red Crescent"]),
        ("vahid-rostami", PER, "quoted", ["Vahid Rostami", "Rostami"]),
    ],
)
s(
    "golestan-flood-05",
    "golestan-flood",
    ["karim-nouri"],
    [
        ("golestan-floods-2026", EV, "about", ["this month's floods"]),
        ("golestan-agriculture-jihad", ORG, "about", ["Golestan Agriculture Jihad Organization"]),
        ("karim-nouri", PER, "quoted", ["Karim Nouri", "Nouri"]),
        ("ircs", ORG, "mentions", ["Red Crescent"]),
    ],
)

s(
    "measles-campaign-01",
    "measles-campaign",
    ["mohammad-hassan-rezvani"],
    [
        ("measles-campaign-2026", EV, "about", ["measles and rubella vaccination campaign"]),
        ("mohammad-hassan-rezvani", PER, "quoted", ["Mohammad-Hassan Rezvani", "Rezvani"]),
        ("health-ministry", ORG, "mentions", ["Ministry of Health and Medical Education"]),
        ("who", ORG, "mentions", ["World Health Organization", "WHO"]),
        ("unicef", ORG, "mentions", ["UNICEF"]),
    ],
)
s(
    "measles-campaign-02",
    "measles-campaign",
    ["nasir-qureshi", "ann-marie-lindqvist"],
    [
        ("measles-campaign-2026", EV, "about", ["vaccination campaign", "measles campaign"]),
        ("who", ORG, "about", ["World Health Organization", "WHO"]),
        ("unicef", ORG, "about", ["UNICEF"]),
        ("nasir-qureshi", PER, "quoted", ["Dr. Nasir Qureshi"]),
        ("ann-marie-lindqvist", PER, "quoted", ["Ann-Marie Lindqvist", "Lindqvist"]),
        ("health-ministry", ORG, "mentions", ["Ministry of Health"]),
    ],
)
s(
    "measles-campaign-03",
    "measles-campaign",
    ["zahra-baluchzehi", "omid-shahraki"],
    [
        ("measles-campaign-2026", EV, "about", ["measles vaccination campaign"]),
        ("zahra-baluchzehi", PER, "quoted", ["Zahra Baluchzehi"]),
        ("saravan-health-network", ORG, "mentions", ["Saravan health network"]),
        ("omid-shahraki", PER, "quoted", ["Dr. Omid Shahraki", "Shahraki"]),
        ("zahedan-ums", ORG, "mentions", ["Zahedan University of Medical Sciences"]),
    ],
)
s(
    "measles-campaign-04",
    "measles-campaign",
    ["mohammad-hassan-rezvani"],
    [
        ("measles-campaign-2026", EV, "about", ["measles and rubella vaccination campaign"]),
        ("mohammad-hassan-rezvani", PER, "quoted", ["Mohammadhassan Rezvani", "Rezvani"]),
        ("bafia", ORG, "mentions", ["Bureau for Aliens and Foreign Immigrants' Affairs", "BAFIA"]),
        ("who", ORG, "mentions", ["WHO"]),
    ],
)
s(
    "measles-campaign-05",
    "measles-campaign",
    ["omid-shahraki", "nasir-qureshi"],
    [
        ("measles-campaign-2026", EV, "about", ["measles and rubella vaccination campaign"]),
        ("omid-shahraki", PER, "quoted", ["Dr. Omid Shahraki", "Shahraki"]),
        ("zahedan-ums", ORG, "mentions", ["Zahedan University of Medical Sciences"]),
        ("who", ORG, "mentions", ["World Health Organization", "WHO"]),
        ("nasir-qureshi", PER, "quoted", ["Dr. Nasir Qureshi"]),
    ],
)

s(
    "eco-health-meeting-01",
    "eco-health-meeting",
    ["kamran-heidari"],
    [
        ("eco-health-ministers-meeting-2026", EV, "about", ["meet in Tehran on 13 March", "one-day meeting"]),
        ("eco", ORG, "about", ["Economic Cooperation Organization", "ECO"]),
        ("health-ministry", ORG, "mentions", ["Ministry of Health and Medical Education"]),
        ("kamran-heidari", PER, "quoted", ["Kamran Heidari", "Heidari"]),
        ("rustam-nazarov", PER, "mentions", ["Rustam Nazarov"]),
    ],
)
s(
    "eco-health-meeting-02",
    "eco-health-meeting",
    ["kamran-heidari"],
    [
        ("eco-health-ministers-meeting-2026", EV, "about", ["their meeting in Tehran"]),
        ("eco", ORG, "about", ["Economic Cooperation Organization", "ECO"]),
        ("kamran-heidari", PER, "quoted", ["Kamran Heidari"]),
        ("rustam-nazarov", PER, "mentions", ["Rustam Nazarov"]),
    ],
)
s(
    "eco-health-meeting-03",
    "eco-health-meeting",
    ["elif-demir"],
    [
        (
            "eco-health-ministers-meeting-2026",
            EV,
            "about",
            ["meeting of ECO health ministers held in Tehran on 13 March"],
        ),
        ("eco", ORG, "mentions", ["ECO", "Economic Cooperation Organization"]),
        ("elif-demir", PER, "quoted", ["Elif Demir", "Demir"]),
        ("tariq-mehmood", PER, "mentions", ["Tariq Mehmood"]),
        ("kamran-heidari", PER, "mentions", ["Kamran Heidari"]),
    ],
)
s(
    "eco-health-meeting-04",
    "eco-health-meeting",
    ["mohammad-hassan-rezvani"],
    [
        ("eco-health-ministers-meeting-2026", EV, "about", ["ECO meeting"]),
        ("eco", ORG, "about", ["Economic Cooperation Organization", "ECO"]),
        ("mohammad-hassan-rezvani", PER, "quoted", ["Mohammad-Hassan Rezvani", "Rezvani"]),
        ("iran-fda", ORG, "mentions", ["Food and Drug Administration of Iran"]),
    ],
)

s(
    "istanbul-calligraphy-01",
    "istanbul-calligraphy",
    ["saeed-tavakoli"],
    [
        (
            "istanbul-calligraphy-exhibition-2026",
            EV,
            "about",
            ["three-day exhibition of Persian calligraphy", "Letters of Light"],
        ),
        (
            "cultural-centre-iran-istanbul",
            ORG,
            "about",
            ["Cultural Centre of the Islamic Republic of Iran in Istanbul"],
        ),
        ("iranian-calligraphers-association", ORG, "mentions", ["Iranian Calligraphers Association"]),
        ("beyoglu-municipality", ORG, "mentions", ["municipality of Beyoğlu"]),
        ("saeed-tavakoli", PER, "quoted", ["Saeed Tavakoli"]),
        ("abbas-kheirollahi", PER, "mentions", ["Abbas Kheirollahi"]),
        ("irna", ORG, "mentions", ["IRNA"]),
    ],
)
s(
    "istanbul-calligraphy-02",
    "istanbul-calligraphy",
    ["abbas-kheirollahi", None],
    [
        (
            "istanbul-calligraphy-exhibition-2026",
            EV,
            "about",
            ["exhibition of Persian calligraphy in Istanbul", "Letters of Light"],
        ),
        ("abbas-kheirollahi", PER, "quoted", ["Abbas Kheirollahi", "Kheirollahi"]),
        ("mimar-sinan-university", ORG, "mentions", ["Mimar Sinan Fine Arts University"]),
        ("saeed-tavakoli", PER, "mentions", ["Saeed Tavakoli"]),
        ("cultural-centre-iran-istanbul", ORG, "mentions", ["Cultural Centre of Iran"]),
    ],
)
s(
    "istanbul-calligraphy-03",
    "istanbul-calligraphy",
    [None, "saeed-tavakoli"],
    [
        (
            "istanbul-calligraphy-exhibition-2026",
            EV,
            "about",
            ["three-day exhibition of Persian calligraphy", "Letters of Light"],
        ),
        ("saeed-tavakoli", PER, "quoted", ["Saeed Tavakoli", "Tavakoli"]),
        ("beyoglu-municipality", ORG, "mentions", ["municipality of Beyoğlu", "Beyoğlu municipality"]),
        ("iranian-calligraphers-association", ORG, "mentions", ["Iranian Calligraphers Association"]),
        ("reza-mafi-nejad", PER, "mentions", ["Reza Mafi-Nejad"]),
        ("abbas-kheirollahi", PER, "mentions", ["Abbas Kheirollahi"]),
    ],
)
s(
    "istanbul-calligraphy-04",
    "istanbul-calligraphy",
    [None, "ayse-kaya"],
    [
        (
            "istanbul-calligraphy-exhibition-2026",
            EV,
            "about",
            ["Letters of Light", "Persian calligraphy show"],
        ),
        ("ayse-kaya", PER, "quoted", ["Ayşe Kaya"]),
        ("cultural-centre-iran-istanbul", ORG, "mentions", ["Cultural Centre of Iran in Istanbul"]),
        ("iranian-calligraphers-association", ORG, "mentions", ["Iranian Calligraphers Association"]),
        ("abbas-kheirollahi", PER, "mentions", ["Abbas Kheirollahi"]),
        ("saeed-tavakoli", PER, "mentions", ["Saeed Tavakoli"]),
    ],
)

s(
    "shiraz-handicrafts-01",
    "shiraz-handicrafts",
    ["hamid-zarei"],
    [
        ("shiraz-handicrafts-week-2026", EV, "about", ["national handicrafts week"]),
        ("hamid-zarei", PER, "quoted", ["Hamid Zarei", "Zarei"]),
        ("fars-heritage", ORG, "about", ["Fars Cultural Heritage, Tourism and Handicrafts Department"]),
    ],
)
s(
    "shiraz-handicrafts-02",
    "shiraz-handicrafts",
    ["gholamhossein-shafiei"],
    [
        ("shiraz-handicrafts-week-2026", EV, "about", ["national handicrafts week in Shiraz"]),
        ("gholamhossein-shafiei", PER, "quoted", ["Gholamhossein Shafiei", "Shafiei"]),
        ("fars-heritage", ORG, "mentions", ["Fars Cultural Heritage, Tourism and Handicrafts Department"]),
        ("hamid-zarei", PER, "mentions", ["Hamid Zarei"]),
    ],
)
s(
    "shiraz-handicrafts-03",
    "shiraz-handicrafts",
    ["hamid-zarei"],
    [
        ("shiraz-handicrafts-week-2026", EV, "about", ["national handicrafts week in Shiraz"]),
        ("fars-heritage", ORG, "about", ["Fars Cultural Heritage, Tourism and Handicrafts Department"]),
        ("hamid-zarei", PER, "quoted", ["Hamid Zarei", "Zarei"]),
    ],
)
s(
    "shiraz-handicrafts-04",
    "shiraz-handicrafts",
    ["maryam-kashkuli"],
    [
        ("shiraz-handicrafts-week-2026", EV, "about", ["national handicrafts week in Shiraz"]),
        ("maryam-kashkuli", PER, "quoted", ["Maryam Kashkuli"]),
        ("fars-heritage", ORG, "mentions", ["Fars Cultural Heritage, Tourism and Handicrafts Department"]),
        ("hamid-zarei", PER, "mentions", ["Hamid Zarei"]),
    ],
)

s(
    "ircs-icrc-agreement-01",
    "ircs-icrc-agreement",
    ["marco-baldini"],
    [
        (
            "ircs-icrc-agreement-2026",
            EV,
            "about",
            ["three-year cooperation agreement in Tehran on 17 February"],
        ),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("icrc", ORG, "about", ["International Committee of the Red Cross", "ICRC"]),
        ("marco-baldini", PER, "quoted", ["Marco Baldini", "Baldini"]),
    ],
)
s(
    "ircs-icrc-agreement-02",
    "ircs-icrc-agreement",
    ["pirhossein-kolivand", "stefan-keller"],
    [
        ("ircs-icrc-agreement-2026", EV, "about", ["three-year cooperation agreement"]),
        ("pirhossein-kolivand", PER, "quoted", ["Pirhossein Kolivand", "Kolivand"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS", "Iranian Red Crescent"]),
        ("icrc", ORG, "about", ["International Committee of the Red Cross", "ICRC"]),
        ("stefan-keller", PER, "quoted", ["Stefan Keller", "Keller"]),
        ("marco-baldini", PER, "mentions", ["Marco Baldini"]),
        ("irna", ORG, "mentions", ["IRNA"]),
    ],
)
s(
    "ircs-icrc-agreement-03",
    "ircs-icrc-agreement",
    ["sara-mokhtari"],
    [
        ("ircs-icrc-agreement-2026", EV, "about", ["cooperation agreement signed on 17 February"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("icrc", ORG, "about", ["International Committee of the Red Cross", "ICRC"]),
        ("sara-mokhtari", PER, "quoted", ["Sara Mokhtari"]),
        ("marco-baldini", PER, "mentions", ["Marco Baldini"]),
    ],
)
s(
    "ircs-icrc-agreement-04",
    "ircs-icrc-agreement",
    ["marco-baldini"],
    [
        (
            "ircs-icrc-agreement-2026",
            EV,
            "about",
            ["new three-year cooperation agreement", "signed on 17 February"],
        ),
        ("icrc", ORG, "about", ["International Committee of the Red Cross", "ICRC"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("marco-baldini", PER, "quoted", ["Marco Baldini", "Baldini"]),
        ("sara-mokhtari", PER, "mentions", ["Sara Mokhtari"]),
    ],
)

s(
    "afghan-winter-aid-01",
    "afghan-winter-aid",
    ["ingrid-solberg"],
    [
        ("unhcr-winter-aid-2026", EV, "about", ["winter aid", "winter programme"]),
        ("unhcr", ORG, "about", ["UN Refugee Agency", "UNHCR"]),
        ("bafia", ORG, "mentions", ["Bureau for Aliens and Foreign Immigrants' Affairs", "BAFIA"]),
        ("ingrid-solberg", PER, "quoted", ["Ingrid Solberg"]),
    ],
)
s(
    "afghan-winter-aid-02",
    "afghan-winter-aid",
    ["ingrid-solberg"],
    [
        ("unhcr-winter-aid-2026", EV, "about", ["UNHCR winter aid programme"]),
        ("unhcr", ORG, "about", ["UNHCR"]),
        ("ingrid-solberg", PER, "quoted", ["Ingrid Solberg", "Solberg"]),
        ("reza-moradi", PER, "mentions", ["Reza Moradi"]),
        ("bafia", ORG, "mentions", ["BAFIA"]),
    ],
)
s(
    "afghan-winter-aid-03",
    "afghan-winter-aid",
    ["fatima-hosseini"],
    [
        ("unhcr-winter-aid-2026", EV, "about", ["UNHCR winter aid programme"]),
        ("unhcr", ORG, "about", ["UNHCR"]),
        ("fatima-hosseini", PER, "quoted", ["Fatima Hosseini"]),
        ("bafia", ORG, "mentions", ["Bureau for Aliens and Foreign Immigrants' Affairs"]),
        ("ingrid-solberg", PER, "mentions", ["Ingrid Solberg"]),
    ],
)
s(
    "afghan-winter-aid-04",
    "afghan-winter-aid",
    ["reza-moradi"],
    [
        ("unhcr-winter-aid-2026", EV, "about", ["winter aid programme"]),
        ("unhcr", ORG, "about", ["UNHCR"]),
        ("bafia", ORG, "about", ["Bureau for Aliens and Foreign Immigrants' Affairs", "BAFIA"]),
        ("reza-moradi", PER, "quoted", ["Reza Moradi", "Moradi"]),
        ("health-ministry", ORG, "mentions", ["Ministry of Health"]),
    ],
)

s(
    "khorramabad-hospital-01",
    "khorramabad-hospital",
    ["ali-yarahmadi"],
    [
        ("khorramabad-hospital-opening-2026", EV, "about", ["opened in Khorramabad"]),
        ("kamran-heidari", PER, "mentions", ["Kamran Heidari"]),
        ("ali-yarahmadi", PER, "quoted", ["Ali Yarahmadi", "Yarahmadi"]),
        ("national-development-fund", ORG, "mentions", ["National Development Fund"]),
        ("lorestan-ums", ORG, "mentions", ["Lorestan University of Medical Sciences"]),
    ],
)
s(
    "khorramabad-hospital-02",
    "khorramabad-hospital",
    ["ali-yarahmadi"],
    [
        ("ali-yarahmadi", PER, "quoted", ["Ali Yar-Ahmadi", "Yar-Ahmadi"]),
        ("farhad-amiri", PER, "mentions", ["Dr. Farhad Amiri"]),
        ("lorestan-ums", ORG, "mentions", ["Lorestan University of Medical Sciences"]),
    ],
)
s(
    "khorramabad-hospital-03",
    "khorramabad-hospital",
    ["nasrin-soltani"],
    [
        ("nasrin-soltani", PER, "quoted", ["Dr. Nasrin Soltani", "Soltani"]),
        ("farhad-amiri", PER, "mentions", ["Dr. Farhad Amiri"]),
        ("lorestan-ums", ORG, "mentions", ["Lorestan University of Medical Sciences"]),
        ("ali-yarahmadi", PER, "mentions", ["Ali Yarahmadi"]),
    ],
)
s(
    "khorramabad-hospital-04",
    "khorramabad-hospital",
    ["farhad-amiri"],
    [
        ("lorestan-ums", ORG, "about", ["Lorestan University of Medical Sciences"]),
        ("farhad-amiri", PER, "quoted", ["Dr. Farhad Amiri", "Amiri"]),
        ("ali-yarahmadi", PER, "mentions", ["Ali Yar-Ahmadi"]),
        ("health-ministry", ORG, "mentions", ["Health Ministry"]),
    ],
)

s(
    "rehab-conference-01",
    "rehab-conference",
    ["hossein-ebrahimi"],
    [
        ("rehabilitation-conference-2026", EV, "about", ["international conference on rehabilitation"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("hossein-ebrahimi", PER, "quoted", ["Dr. Hossein Ebrahimi", "Ebrahimi"]),
        ("who", ORG, "mentions", ["World Health Organization"]),
        ("icrc", ORG, "mentions", ["ICRC"]),
        ("iran-ums", ORG, "mentions", ["Iran University of Medical Sciences"]),
    ],
)
s(
    "rehab-conference-02",
    "rehab-conference",
    ["pirhossein-kolivand"],
    [
        ("rehabilitation-conference-2026", EV, "about", ["international conference on rehabilitation"]),
        ("pirhossein-kolivand", PER, "quoted", ["Pirhossein Kolivand", "Kolivand"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("who", ORG, "mentions", ["World Health Organization"]),
        ("hossein-ebrahimi", PER, "mentions", ["Dr. Hossein Ebrahimi"]),
    ],
)
s(
    "rehab-conference-03",
    "rehab-conference",
    ["priya-raman"],
    [
        ("rehabilitation-conference-2026", EV, "about", ["international conference on rehabilitation"]),
        ("priya-raman", PER, "quoted", ["Dr. Priya Raman", "Raman"]),
        ("who", ORG, "mentions", ["World Health Organization"]),
        ("hossein-ebrahimi", PER, "mentions", ["Dr. Hossein Ebrahimi"]),
        ("ircs", ORG, "mentions", ["Iranian Red Crescent Society"]),
        ("icrc", ORG, "mentions", ["ICRC"]),
    ],
)
s(
    "rehab-conference-04",
    "rehab-conference",
    ["shirin-asgari"],
    [
        ("rehabilitation-conference-2026", EV, "about", ["international conference on rehabilitation"]),
        ("hossein-ebrahimi", PER, "mentions", ["Dr. Hossein Ebrahimi"]),
        ("ircs", ORG, "mentions", ["Iranian Red Crescent Society", "IRCS"]),
        ("shirin-asgari", PER, "quoted", ["Shirin Asgari"]),
    ],
)

s(
    "single-volunteers",
    None,
    ["pirhossein-kolivand"],
    [
        ("ircs", ORG, "about", ["Iranian Red Crescent Society"]),
        ("pirhossein-kolivand", PER, "quoted", ["Pirhossein Kolivand", "Kolivand"]),
        ("world-red-cross-red-crescent-day-2026", EV, "mentions", ["World Red Cross and Red Crescent Day"]),
    ],
)
s(
    "single-hamadan-bus",
    None,
    ["ali-rahimi"],
    [
        ("ircs", ORG, "mentions", ["Iranian Red Crescent Society", "Red Crescent"]),
        ("ali-rahimi", PER, "quoted", ["Ali Rahimi"]),
    ],
)
s(
    "single-isfahan-film",
    None,
    ["mehrdad-taheri"],
    [
        (
            "isfahan-childrens-film-festival-2026",
            EV,
            "about",
            ["International Film Festival for Children and Youth"],
        ),
        ("mehrdad-taheri", PER, "quoted", ["Mehrdad Taheri", "Taheri"]),
    ],
)
s(
    "single-who-diabetes",
    None,
    ["samir-haddad"],
    [
        ("who", ORG, "about", ["World Health Organization", "WHO"]),
        ("samir-haddad", PER, "quoted", ["Dr. Samir Haddad"]),
        ("world-diabetes-day-2026", EV, "mentions", ["World Diabetes Day"]),
    ],
)
s(
    "single-ardabil-snow",
    None,
    ["farid-asadi"],
    [
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("farid-asadi", PER, "quoted", ["Farid Asadi"]),
    ],
)
s(
    "single-vienna-pianist",
    None,
    ["niloufar-amini"],
    [
        ("niloufar-amini", PER, "quoted", ["Niloufar Amini", "Amini"]),
        ("beethoven-piano-competition-2026", EV, "about", ["International Beethoven Piano Competition"]),
        ("tehran-conservatory", ORG, "mentions", ["Tehran Conservatory of Music"]),
        ("mdw-vienna", ORG, "mentions", ["University of Music and Performing Arts in Vienna"]),
        ("vienna-radio-symphony-orchestra", ORG, "mentions", ["Vienna Radio Symphony Orchestra"]),
    ],
)
s(
    "single-tehran-drill",
    None,
    ["parviz-karami"],
    [
        ("parviz-karami", PER, "quoted", ["Parviz Karami"]),
        (
            "tehran-disaster-management",
            ORG,
            "mentions",
            ["Tehran Disaster Mitigation and Management Organization"],
        ),
        ("ircs", ORG, "mentions", ["Red Crescent"]),
    ],
)

judgments.write()
