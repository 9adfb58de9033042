"""Writes judgments.jsonl from the editor's judgments below (the checks and the format are in
bench/judgments.py).

    python3 bench/knowledge2/build_judgments.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.judgments import EV, ORG, PER, Judgments

judgments = Judgments(Path(__file__).resolve().parent)
s = judgments.story


# ---- mazandaran-landslide: Valiabad, Savadkuh county, 3-9 April 2026
LS = "valiabad-landslide-2026"
s(
    "mazandaran-landslide-01",
    "mazandaran-landslide",
    ["behrouz-qanbari"],
    [
        (LS, EV, "about", ["landslide"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("behrouz-qanbari", PER, "quoted", ["Behrouz Qanbari"]),
        ("irna", ORG, "mentions", ["IRNA"]),
    ],
)
s(
    "mazandaran-landslide-02",
    "mazandaran-landslide",
    ["mahmoud-hosseinpour", "kazem-firouzi"],
    [
        (LS, EV, "about", ["Valiabad landslide", "Friday's landslide"]),
        ("mahmoud-hosseinpour", PER, "quoted", ["Mahmoud Hosseinpour", "Hosseinpour"]),
        ("mazandaran-crisis-management", ORG, "mentions", ["provincial crisis management headquarters"]),
        ("rmto", ORG, "about", ["Road Maintenance and Transportation Organization"]),
        ("kazem-firouzi", PER, "quoted", ["Kazem Firouzi"]),
        ("irimo", ORG, "mentions", ["Iranian Meteorological Organization"]),
    ],
)
s(
    "mazandaran-landslide-03",
    "mazandaran-landslide",
    ["jamshid-mohebbi"],
    [
        (LS, EV, "about", ["Valiabad landslide", "landslide"]),
        ("jamshid-mohebbi", PER, "quoted", ["Jamshid Mohebbi", "Mohebbi"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "Red Crescent"]),
        ("behrouz-qanbari", PER, "mentions", ["Qanbari"]),
    ],
)
s(
    "mazandaran-landslide-04",
    "mazandaran-landslide",
    ["golbahar-ahmadi", "behrouz-qanbari", "golbahar-ahmadi"],
    [
        (LS, EV, "about", ["landslide of 3 April", "landslide"]),
        ("golbahar-ahmadi", PER, "quoted", ["Golbahar Ahmadi", "Ahmadi"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS", "Red Crescent"]),
        ("savadkuh-health-network", ORG, "mentions", ["Savadkuh health network"]),
        ("behrouz-qanbari", PER, "quoted", ["Behrooz Ghanbari", "Ghanbari"]),
        ("mazandaran-crisis-management", ORG, "mentions", ["provincial crisis management headquarters"]),
    ],
)
s(
    "mazandaran-landslide-05",
    "mazandaran-landslide",
    ["mahmoud-hosseinpour"],
    [
        ("mazandaran-planning-council", ORG, "about", ["Mazandaran provincial planning council"]),
        ("mahmoud-hosseinpour", PER, "quoted", ["Mahmoud Hosseinpour", "Hosseinpour"]),
        (LS, EV, "mentions", ["landslide"]),
        ("housing-foundation", ORG, "mentions", ["Housing Foundation"]),
    ],
)

# ---- khuzestan-dust: dust storm over Ahvaz, 20-24 July 2026
DU = "khuzestan-dust-storm-2026"
s(
    "khuzestan-dust-01",
    "khuzestan-dust",
    ["sahar-tajbakhsh"],
    [
        (DU, EV, "about", ["dust storm"]),
        ("khuzestan-governorate", ORG, "mentions", ["Khuzestan governorate"]),
        ("sahar-tajbakhsh", PER, "quoted", ["Sahar Tajbakhsh"]),
        ("irimo", ORG, "mentions", ["Iranian Meteorological Organization"]),
    ],
)
s(
    "khuzestan-dust-02",
    "khuzestan-dust",
    ["kourosh-bavi", "nader-tavassoli"],
    [
        (DU, EV, "about", ["dust storm"]),
        ("kourosh-bavi", PER, "quoted", ["Kourosh Bavi", "Bavi"]),
        ("ajums", ORG, "about", ["Ahvaz Jundishapur University of Medical Sciences", "AJUMS"]),
        ("nader-tavassoli", PER, "quoted", ["Dr. Nader Tavassoli", "Tavassoli"]),
        ("ircs", ORG, "mentions", ["Iranian Red Crescent Society"]),
    ],
)
s(
    "khuzestan-dust-03",
    "khuzestan-dust",
    ["farzaneh-dorosti"],
    [
        (DU, EV, "about", ["dust storm"]),
        ("farzaneh-dorosti", PER, "quoted", ["Farzaneh Dorosti", "Dorosti"]),
        ("doe", ORG, "about", ["Department of Environment", "DOE"]),
        ("kourosh-bavi", PER, "mentions", ["Dr. Kurosh Bavi"]),
    ],
)
s(
    "khuzestan-dust-04",
    "khuzestan-dust",
    [],
    [
        (DU, EV, "about", ["dust storm", "storm"]),
        ("irimo", ORG, "mentions", ["Iranian Meteorological Organization"]),
    ],
)

# ---- blood-donor: IBTO national donation campaign, 13-22 June 2026
BD = "ibto-donation-campaign-2026"
s(
    "blood-donor-01",
    "blood-donor",
    ["mahnaz-shafiei", None],
    [
        (BD, EV, "about", ["national blood donation campaign", "campaign"]),
        ("ibto", ORG, "about", ["Iranian Blood Transfusion Organization", "IBTO"]),
        ("world-blood-donor-day-2026", EV, "mentions", ["World Blood Donor Day"]),
        ("mahnaz-shafiei", PER, "quoted", ["Dr. Mahnaz Shafiei", "Shafiei"]),
        ("who", ORG, "mentions", ["World Health Organization"]),
    ],
)
s(
    "blood-donor-02",
    "blood-donor",
    ["bahareh-kiani"],
    [
        (BD, EV, "about", ["national donation campaign"]),
        ("world-blood-donor-day-2026", EV, "mentions", ["World Blood Donor Day"]),
        ("ibto", ORG, "about", ["Iranian Blood Transfusion Organization"]),
        ("bahareh-kiani", PER, "quoted", ["Dr. Bahareh Kiani", "Kiani"]),
    ],
)
s(
    "blood-donor-03",
    "blood-donor",
    ["nasrin-golpayegani", "mahnaz-shafiei"],
    [
        (BD, EV, "about", ["national blood donation campaign"]),
        ("iranian-thalassemia-society", ORG, "about", ["Iranian Thalassemia Society"]),
        ("nasrin-golpayegani", PER, "quoted", ["Nasrin Golpayegani", "Golpayegani"]),
        ("mahnaz-shafiei", PER, "quoted", ["Dr. Mahnaz Shafiee", "Shafiee"]),
        ("ibto", ORG, "mentions", ["Iranian Blood Transfusion Organization"]),
    ],
)
s(
    "blood-donor-04",
    "blood-donor",
    ["bahareh-kiani"],
    [
        (BD, EV, "about", ["ten-day national campaign"]),
        ("ibto", ORG, "about", ["Iranian Blood Transfusion Organization", "IBTO"]),
        ("bahareh-kiani", PER, "quoted", ["Bahareh Kiani"]),
    ],
)

# ---- bam-citadel: restored Governor's Quarter of Arg-e Bam, 5-12 September 2026
BAM = "bam-governors-quarter-reopening-2026"
s(
    "bam-citadel-01",
    "bam-citadel",
    ["esfandiar-jahanbakhsh"],
    [
        (BAM, EV, "about", ["rebuilding of the Governor's Quarter"]),
        ("esfandiar-jahanbakhsh", PER, "quoted", ["Esfandiar Jahanbakhsh", "Jahanbakhsh"]),
        ("bam-restoration-base", ORG, "about", ["Bam citadel restoration base"]),
        (
            "cultural-heritage-ministry",
            ORG,
            "mentions",
            ["Ministry of Cultural Heritage, Tourism and Handicrafts"],
        ),
        ("unesco", ORG, "mentions", ["UNESCO"]),
        ("bam-earthquake-2003", EV, "mentions", ["2003 earthquake"]),
    ],
)
s(
    "bam-citadel-02",
    "bam-citadel",
    [None, "kenji-morita"],
    [
        (BAM, EV, "about", ["restoration"]),
        ("unesco", ORG, "about", ["UNESCO"]),
        ("kenji-morita", PER, "quoted", ["Kenji Morita", "Morita"]),
        ("esfandiar-jahanbakhsh", PER, "mentions", ["Esfandiar Jahanbakhsh", "Jahanbakhsh"]),
    ],
)
s(
    "bam-citadel-03",
    "bam-citadel",
    ["rasoul-kahnouji"],
    [
        (BAM, EV, "about", ["citadel reopening"]),
        ("rasoul-kahnouji", PER, "quoted", ["Rasoul Kahnouji", "Kahnouji"]),
    ],
)
s(
    "bam-citadel-04",
    "bam-citadel",
    ["gholam-hossein-mirzaei", "gholam-hossein-mirzaei", "esfandiar-jahanbakhsh"],
    [
        (BAM, EV, "about", ["restored Governor's Quarter"]),
        ("gholam-hossein-mirzaei", PER, "quoted", ["Gholam-Hossein Mirzaei", "Mirzaei"]),
        ("bam-earthquake-2003", EV, "mentions", ["earthquake of December 2003"]),
        ("bam-restoration-base", ORG, "mentions", ["restoration base"]),
        (
            "cultural-heritage-ministry",
            ORG,
            "mentions",
            ["Ministry of Cultural Heritage, Tourism and Handicrafts"],
        ),
        ("unesco", ORG, "mentions", ["UNESCO"]),
        ("esfandiar-jahanbakhsh", PER, "quoted", ["Esfandiar Jahanbakhsh", "Jahanbakhsh"]),
    ],
)

# ---- isfahan-refugee-school: school for Afghan refugee children, Shahin Shahr, 22-28 September 2026
RS = "shahin-shahr-refugee-school-opening-2026"
ED = "isfahan-education-department"
s(
    "isfahan-refugee-school-01",
    "isfahan-refugee-school",
    ["gholamreza-pakdaman"],
    [
        (RS, EV, "about", ["will open on Wednesday"]),
        ("gholamreza-pakdaman", PER, "quoted", ["Gholamreza Pakdaman", "Pakdaman"]),
        ("unicef", ORG, "about", ["United Nations Children's Fund", "UNICEF"]),
    ],
)
s(
    "isfahan-refugee-school-02",
    "isfahan-refugee-school",
    ["monique-adjei"],
    [
        (RS, EV, "about", ["open refugee school"]),
        ("unicef", ORG, "about", ["UNICEF"]),
        ("monique-adjei", PER, "quoted", ["Monique Adjei", "Adjei"]),
        (ED, ORG, "about", ["Isfahan education office", "provincial education department"]),
        ("gholamreza-pakdaman", PER, "mentions", ["Gholamreza Pakdaman", "Pakdaman"]),
        ("bafia", ORG, "mentions", ["Bureau for Aliens and Foreign Immigrants' Affairs", "BAFIA"]),
    ],
)
s(
    "isfahan-refugee-school-03",
    "isfahan-refugee-school",
    ["shabnam-rezaie", "shabnam-rezaie", "shabnam-rezaie"],
    [
        (RS, EV, "about", ["opened in Shahin Shahr on Wednesday"]),
        ("shabnam-rezaie", PER, "quoted", ["Shabnam Rezaie", "Rezaie"]),
        (ED, ORG, "mentions", ["Isfahan education department"]),
        ("unicef", ORG, "mentions", ["UNICEF"]),
        ("unhcr", ORG, "mentions", ["UN Refugee Agency", "UNHCR"]),
    ],
)
s(
    "isfahan-refugee-school-04",
    "isfahan-refugee-school",
    ["ebrahim-torkzadeh"],
    [
        (RS, EV, "mentions", ["new refugee school that opened last week"]),
        ("bafia", ORG, "about", ["Bureau for Aliens and Foreign Immigrants' Affairs", "BAFIA"]),
        ("ebrahim-torkzadeh", PER, "quoted", ["Ebrahim Torkzadeh", "Torkzadeh"]),
        (ED, ORG, "mentions", ["education department"]),
        ("unicef", ORG, "mentions", ["UNICEF"]),
    ],
)

# ---- gilan-bird-flu: H5N1 on poultry farms, 12-20 January 2026 (02-resent repeats 02)
BF = "gilan-bird-flu-2026"
s(
    "gilan-bird-flu-01",
    "gilan-bird-flu",
    ["siavash-rahimzadeh"],
    [
        (BF, EV, "about", ["avian influenza H5N1", "Bird flu"]),
        ("gilan-veterinary-department", ORG, "about", ["Gilan veterinary department"]),
        ("siavash-rahimzadeh", PER, "quoted", ["Siavash Rahimzadeh", "Rahimzadeh"]),
        ("ivo", ORG, "mentions", ["Iran Veterinary Organization", "IVO"]),
    ],
)
for f, dup in (("gilan-bird-flu-02", None), ("gilan-bird-flu-02-resent", "gilan-bird-flu-02")):
    s(
        f,
        "gilan-bird-flu",
        ["siavash-rahimzadeh", "karim-pourbagher"],
        [
            (BF, EV, "about", ["Avian influenza"]),
            ("siavash-rahimzadeh", PER, "quoted", ["Siavash Rahimzadeh"]),
            ("gilan-veterinary-department", ORG, "mentions", ["veterinary department of Gilan"]),
            ("karim-pourbagher", PER, "quoted", ["Karim Pourbagher", "Pourbagher"]),
        ],
        dup,
    )
s(
    "gilan-bird-flu-03",
    "gilan-bird-flu",
    ["parvin-shokri"],
    [
        (BF, EV, "about", ["bird flu", "outbreak"]),
        ("parvin-shokri", PER, "quoted", ["Dr. Parvin Shokri", "Shokri"]),
        ("guilan-ums", ORG, "mentions", ["Guilan University of Medical Sciences"]),
        ("nader-tavassoli", PER, "mentions", ["Dr. Nader Tavassoli"]),
        ("who", ORG, "mentions", ["World Health Organization"]),
    ],
)
s(
    "gilan-bird-flu-04",
    "gilan-bird-flu",
    ["ruhollah-mansouri"],
    [
        (BF, EV, "about", ["bird flu", "outbreak"]),
        ("ivo", ORG, "about", ["Iran Veterinary Organization", "IVO"]),
        ("ruhollah-mansouri", PER, "quoted", ["Dr. Ruhollah Mansouri", "Mansouri"]),
        ("siavash-rahimzadeh", PER, "mentions", ["Siavash Rahim-Zadeh"]),
        ("gilan-veterinary-department", ORG, "mentions", ["veterinary department in Gilan"]),
    ],
)

# ---- tabriz-marathon: Tabriz International Marathon, 16 October 2026
TM = "tabriz-marathon-2026"
s(
    "tabriz-marathon-01",
    "tabriz-marathon",
    ["saeed-ghanbari"],
    [
        (TM, EV, "about", ["Tabriz International Marathon"]),
        ("saeed-ghanbari", PER, "quoted", ["Saeed Ghanbari", "Ghanbari"]),
        ("east-azerbaijan-sports-department", ORG, "mentions", ["East Azerbaijan sports department"]),
    ],
)
s(
    "tabriz-marathon-02",
    "tabriz-marathon",
    ["daniel-kiprop", "amir-sadeghloo"],
    [
        (TM, EV, "about", ["Tabriz International Marathon", "Tabriz marathon"]),
        ("daniel-kiprop", PER, "quoted", ["Daniel Kiprop", "Kiprop"]),
        ("tesfaye-bekele", PER, "mentions", ["Tesfaye Bekele"]),
        ("amir-sadeghloo", PER, "quoted", ["Amir Sadeghloo", "Sadeghloo"]),
        ("asian-games", EV, "mentions", ["Asian Games"]),
    ],
)
s(
    "tabriz-marathon-03",
    "tabriz-marathon",
    ["parisa-alavi"],
    [
        (TM, EV, "about", ["Tabriz International Marathon", "Tabriz marathon"]),
        ("parisa-alavi", PER, "quoted", ["Parisa Alavi", "Alavi"]),
        ("athletics-federation", ORG, "mentions", ["Athletics Federation of the Islamic Republic of Iran"]),
    ],
)
s(
    "tabriz-marathon-04",
    "tabriz-marathon",
    ["saeed-ghanbari"],
    [
        (TM, EV, "about", ["Tabriz International Marathon", "Tabriz marathon"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "Red Crescent"]),
        ("saeed-ghanbari", PER, "quoted", ["Saeed Ghanbari", "Ghanbari"]),
    ],
)

# ---- tehran-book-fair: 37th Tehran International Book Fair, 6-16 May 2026
TB = "tehran-book-fair-2026"
s(
    "tehran-book-fair-01",
    "tehran-book-fair",
    ["abdolkarim-naseri"],
    [
        (TB, EV, "about", ["Tehran International Book Fair", "37th Tehran International Book Fair"]),
        ("abdolkarim-naseri", PER, "quoted", ["Abdolkarim Naseri", "Naseri"]),
        ("culture-ministry", ORG, "mentions", ["Ministry of Culture and Islamic Guidance"]),
    ],
)
s(
    "tehran-book-fair-02",
    "tehran-book-fair",
    ["salim-al-harthy"],
    [
        (TB, EV, "about", ["Tehran International Book Fair", "Tehran book fair"]),
        ("salim-al-harthy", PER, "quoted", ["Salim Al-Harthy", "Al-Harthy"]),
        ("oman-national-archive", ORG, "mentions", ["Omani national archive"]),
    ],
)
s(
    "tehran-book-fair-03",
    "tehran-book-fair",
    ["leyla-jahanbakhsh", None],
    [
        (TB, EV, "about", ["Tehran International Book Fair", "book fair"]),
        ("leyla-jahanbakhsh", PER, "quoted", ["Leyla Jahanbakhsh", "Jahanbakhsh"]),
    ],
)
s(
    "tehran-book-fair-04",
    "tehran-book-fair",
    ["abdolkarim-naseri"],
    [
        (TB, EV, "about", ["Tehran International Book Fair", "Tehran book fair"]),
        ("abdolkarim-naseri", PER, "quoted", ["Abdol-Karim Naseri", "Naseri"]),
    ],
)
s(
    "tehran-book-fair-05",
    "tehran-book-fair",
    [],
    [
        (TB, EV, "about", ["37th Tehran International Book Fair", "Book fair"]),
        ("abdolkarim-naseri", PER, "mentions", ["Abdolkarim Naseri", "Naseri"]),
    ],
)

# ---- prisoner-release: Nowruz campaign of the prisoners' release charity, 10-19 March 2026
PR = "nowruz-prisoner-release-campaign-2026"
PHQ = "prisoners-release-headquarters"
s(
    "prisoner-release-01",
    "prisoner-release",
    ["hamid-reza-sotoudeh"],
    [
        (PR, EV, "about", ["annual campaign"]),
        (
            PHQ,
            ORG,
            "about",
            ["Headquarters for the Release of Prisoners of Unintentional Crimes", "Setad-e Dieh"],
        ),
        ("hamid-reza-sotoudeh", PER, "quoted", ["Hamid-Reza Sotoudeh", "Sotoudeh"]),
    ],
)
s(
    "prisoner-release-02",
    "prisoner-release",
    ["hassan-shafiei"],
    [
        (PR, EV, "about", ["Nowruz campaign", "Nowruz charity drive"]),
        (PHQ, ORG, "about", ["Headquarters for the Release of Prisoners of Unintentional Crimes"]),
        ("hassan-shafiei", PER, "quoted", ["Hassan Shafiei", "Shafiei"]),
    ],
)
s(
    "prisoner-release-03",
    "prisoner-release",
    ["mohsen-bagheri", "mohsen-bagheri", "hamid-reza-sotoudeh"],
    [
        (PR, EV, "about", ["Nowruz campaign"]),
        ("mohsen-bagheri", PER, "quoted", ["Mohsen Bagheri", "Bagheri"]),
        ("ghezel-hesar-prison", ORG, "mentions", ["Ghezel Hesar prison"]),
        (PHQ, ORG, "mentions", ["charity that frees prisoners of unintentional crimes"]),
        ("hamid-reza-sotoudeh", PER, "quoted", ["Hamidreza Sotoodeh", "Sotoodeh"]),
    ],
)
s(
    "prisoner-release-04",
    "prisoner-release",
    [],
    [
        (PR, EV, "about", ["Nowruz campaign"]),
        (PHQ, ORG, "about", ["Headquarters for the Release of Prisoners of Unintentional Crimes"]),
        ("hamid-reza-sotoudeh", PER, "mentions", ["Hamid-Reza Sotoudeh"]),
    ],
)

# ---- hajj-medical: IRCS Hajj medical mission, 15-30 May 2026
HM = "ircs-hajj-medical-mission-2026"
s(
    "hajj-medical-01",
    "hajj-medical",
    ["morteza-ghasemi"],
    [
        (HM, EV, "about", ["Hajj medical mission"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("morteza-ghasemi", PER, "quoted", ["Dr. Morteza Ghasemi"]),
        ("jamshid-mohebbi", PER, "mentions", ["Jamshid Mohebbi"]),
    ],
)
s(
    "hajj-medical-02",
    "hajj-medical",
    ["morteza-ghasemi", "abbas-rouhani"],
    [
        (HM, EV, "about", ["Iranian Hajj medical mission"]),
        ("morteza-ghasemi", PER, "quoted", ["Ghasemi"]),
        ("abbas-rouhani", PER, "quoted", ["Abbas Rouhani", "Rouhani"]),
        ("hajj-pilgrimage-organization", ORG, "mentions", ["Hajj and Pilgrimage Organization"]),
    ],
)
s(
    "hajj-medical-03",
    "hajj-medical",
    ["morteza-ghasemi"],
    [
        (HM, EV, "about", ["Iranian Hajj medical mission"]),
        ("morteza-ghasemi", PER, "quoted", ["Dr. Morteza Qasemi", "Qasemi"]),
        ("ircs", ORG, "mentions", ["Red Crescent"]),
        ("nader-tavassoli", PER, "mentions", ["Dr. Nader Tavassoli"]),
    ],
)
s(
    "hajj-medical-04",
    "hajj-medical",
    ["zeinab-moghaddam", "morteza-ghasemi", "zeinab-moghaddam"],
    [
        (HM, EV, "about", ["Hajj medical mission"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent"]),
        ("zeinab-moghaddam", PER, "quoted", ["Zeinab Moghaddam", "Moghaddam"]),
        ("morteza-ghasemi", PER, "quoted", ["Morteza Ghasemi", "Ghasemi"]),
        ("hajj-pilgrimage-organization", ORG, "mentions", ["Hajj and Pilgrimage Organization"]),
    ],
)

# ---- singletons
s(
    "single-lorestan-flood",
    None,
    ["ali-delfan"],
    [
        ("poldokhtar-flash-flood-2026", EV, "about", ["flash flood"]),
        ("ali-delfan", PER, "quoted", ["Ali Delfan", "Delfan"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "Red Crescent"]),
    ],
)
s(
    "single-hormozgan-flood",
    None,
    ["fereydoun-saberi"],
    [
        ("hormozgan-floods-2026", EV, "about", ["Floods"]),
        ("hormozgan-crisis-management", ORG, "mentions", ["provincial crisis management headquarters"]),
        ("fereydoun-saberi", PER, "quoted", ["Fereydoun Saberi", "Saberi"]),
        ("ircs", ORG, "about", ["Red Crescent"]),
    ],
)
s(
    "single-isfahan-carpet",
    None,
    ["mahtab-soltani"],
    [
        ("isfahan-carpet-exhibition-2026", EV, "about", ["exhibition of hand-woven carpets"]),
        ("mahtab-soltani", PER, "quoted", ["Mahtab Soltani"]),
        ("iran-national-carpet-center", ORG, "mentions", ["Iran National Carpet Center"]),
    ],
)
s(
    "single-ircs-annual-report",
    None,
    ["jamshid-mohebbi"],
    [
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("jamshid-mohebbi", PER, "quoted", ["Jamshid Mohebbi", "Mohebbi"]),
        (LS, EV, "mentions", ["Valiabad landslide"]),
        (HM, EV, "mentions", ["medical mission"]),
    ],
)
s(
    "single-tavasoli-nurses",
    None,
    ["nader-tavassoli"],
    [
        ("nader-tavassoli", PER, "quoted", ["Nader Tavasoli", "Tavasoli"]),
    ],
)
s(
    "single-yazd-qanat",
    None,
    ["hossein-dehghan"],
    [
        ("unesco", ORG, "mentions", ["UNESCO"]),
        (
            "cultural-heritage-ministry",
            ORG,
            "mentions",
            ["Ministry of Cultural Heritage, Tourism and Handicrafts"],
        ),
        ("hossein-dehghan", PER, "quoted", ["Hossein Dehghan", "Dehghan"]),
    ],
)
s(
    "single-kish-chess",
    None,
    ["arash-farrokhi"],
    [
        ("kish-chess-open-2026", EV, "about", ["Kish International Chess Open"]),
        ("arash-farrokhi", PER, "quoted", ["Arash Farrokhi"]),
        ("chess-federation", ORG, "mentions", ["Chess Federation of Iran"]),
        ("kish-free-zone", ORG, "mentions", ["Kish Free Zone Organization"]),
    ],
)
s(
    "single-tehran-air-pollution",
    None,
    ["alireza-mehrabi"],
    [
        ("tehran-governorate", ORG, "mentions", ["Tehran provincial governorate"]),
        ("alireza-mehrabi", PER, "quoted", ["Dr. Alireza Mehrabi"]),
        ("tehran-ems", ORG, "mentions", ["Tehran emergency medical services"]),
    ],
)
judgments.write()
