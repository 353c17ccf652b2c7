"""Name and address material for the demo hospital: French and Dutch first/family names, Belgian places.

Plain constant tables plus small pickers that take a `random.Random`; callable from any thread.
Postal codes and municipality names are real Belgian ones (bpost postal code list); people and street
numbers are invented.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

FR_MALE = (
    "Jean Pierre Michel André Philippe Jacques Alain Daniel Luc Marc Patrick Bernard Claude Christian Guy "
    "Francis Serge Didier Thierry Olivier Laurent Nicolas Julien Maxime Antoine Louis Hugo Arthur Théo Noah "
    "Mathieu Benoît Frédéric Vincent Stéphane Grégory Raphaël Émile Gérard Roger"
).split()
FR_FEMALE = (
    "Marie Anne Monique Françoise Nicole Christine Martine Isabelle Catherine Nathalie Sylvie Véronique "
    "Chantal Brigitte Danielle Jacqueline Josiane Colette Sophie Julie Camille Léa Emma Chloé Manon Sarah "
    "Laura Pauline Aurélie Céline Élise Hélène Geneviève Joëlle Mireille Simone Louise Juliette Margaux Inès"
).split()
NL_MALE = (
    "Jan Luc Marc Peter Dirk Patrick Jozef Willy Eddy Rudi Geert Koen Bart Tom Wim Kris Filip Stijn Pieter "
    "Jef Frans Gilbert Roger Hendrik Wouter Jeroen Thomas Lars Arne Seppe Lucas Daan Ruben Jonas Jens Robbe "
    "Maarten Gert Raf Ward"
).split()
NL_FEMALE = (
    "Maria Anna Godelieve Rita Hilde Greet Christiane Liliane Annemie Els Ann Katrien Sofie Lien Sarah "
    "Lotte Fien Marie Elise Julie Nele Eva Ine Leen An Hanne Lieve Veerle Inge Kristien Ilse Martine Jozefien "
    "Mieke Gerda Paula Yvonne Elke Lore Tine"
).split()

FR_FAMILY = (
    "Dubois Lambert Dupont Martin Simon Laurent Lejeune Renard Leclercq Mathieu Collignon Gilson Lemaire "
    "Denis Hubert Masson Piron Noël François Jacquet Henrard Delvaux Lecomte Goffin Lefebvre Dumont Pirard "
    "Thiry Charlier Evrard Bodart Wilmotte Legrand Delhaye Fontaine Gérard Lallemand Marchal Rousseau "
    "Dethier Bertrand Leroy Baudoux Petit Robert Mercier Lamotte Hanquet Delcourt"
).split()
NL_FAMILY = (
    "Peeters Janssens Maes Jacobs Mertens Willems Claes Goossens Wouters De_Smet Vermeulen Van_den_Broeck "
    "Van_Damme De_Clercq Hermans Aerts Michiels Verstraeten Coppens Pauwels Smets Vandenberghe Lemmens "
    "Cools Verhoeven Stevens Dierickx Van_de_Velde Martens Claeys De_Backer Vermeersch Segers Willaert "
    "Desmet Van_Acker Bogaert Vanhoutte De_Wilde Verbeke Van_Hove Cornelis Hendrickx Schepers Thys "
    "Van_Dyck Bauwens Declercq Geerts Huysmans"
).split()


@dataclass(frozen=True, slots=True)
class Place:
    postal_code: str
    city_fr: str
    city_nl: str
    region: str  # "brussels" | "wallonia" | "flanders"

    def city(self, lang: str) -> str:
        return self.city_nl if lang == "nl" else self.city_fr


BRUSSELS = tuple(
    Place(code, fr, nl, "brussels")
    for code, fr, nl in (
        ("1000", "Bruxelles", "Brussel"), ("1030", "Schaerbeek", "Schaarbeek"), ("1050", "Ixelles", "Elsene"),
        ("1060", "Saint-Gilles", "Sint-Gillis"), ("1070", "Anderlecht", "Anderlecht"),
        ("1080", "Molenbeek-Saint-Jean", "Sint-Jans-Molenbeek"), ("1180", "Uccle", "Ukkel"),
        ("1190", "Forest", "Vorst"), ("1200", "Woluwe-Saint-Lambert", "Sint-Lambrechts-Woluwe"),
        ("1140", "Evere", "Evere"), ("1090", "Jette", "Jette"), ("1160", "Auderghem", "Oudergem"),
        ("1170", "Watermael-Boitsfort", "Watermaal-Bosvoorde"), ("1081", "Koekelberg", "Koekelberg"),
    )
)
WALLONIA = tuple(
    Place(code, city, city, "wallonia")
    for code, city in (
        ("4000", "Liège"), ("5000", "Namur"), ("6000", "Charleroi"), ("7000", "Mons"), ("1300", "Wavre"),
        ("1400", "Nivelles"), ("1348", "Louvain-la-Neuve"), ("4800", "Verviers"), ("6700", "Arlon"),
        ("7500", "Tournai"), ("1410", "Waterloo"), ("4500", "Huy"), ("5500", "Dinant"), ("6600", "Bastogne"),
        ("7100", "La Louvière"), ("4020", "Liège"),
    )
)
FLANDERS = tuple(
    Place(code, city, city, "flanders")
    for code, city in (
        ("2000", "Antwerpen"), ("9000", "Gent"), ("3000", "Leuven"), ("8000", "Brugge"), ("2800", "Mechelen"),
        ("3500", "Hasselt"), ("8500", "Kortrijk"), ("9300", "Aalst"), ("1800", "Vilvoorde"), ("3300", "Tienen"),
        ("2300", "Turnhout"), ("8400", "Oostende"), ("9100", "Sint-Niklaas"), ("3600", "Genk"),
        ("1700", "Dilbeek"), ("2600", "Berchem"),
    )
)

BRUSSELS_STREETS = (
    ("Rue de la Loi", "Wetstraat"), ("Avenue Louise", "Louizalaan"), ("Chaussée de Wavre", "Waversesteenweg"),
    ("Rue Haute", "Hoogstraat"), ("Rue Royale", "Koningsstraat"), ("Avenue de Tervueren", "Tervurenlaan"),
    ("Rue Neuve", "Nieuwstraat"), ("Chaussée d'Alsemberg", "Alsembergsesteenweg"), ("Rue du Midi", "Zuidstraat"),
    ("Avenue Brugmann", "Brugmannlaan"), ("Rue de la Station", "Stationsstraat"), ("Rue du Moulin", "Molenstraat"),
)
FR_STREETS = (
    "Rue de la Station", "Rue du Moulin", "Rue de l'Église", "Place Saint-Lambert", "Rue des Écoles",
    "Chaussée de Bruxelles", "Avenue des Tilleuls", "Rue du Château", "Rue de la Gare", "Rue Haute",
    "Rue des Champs", "Boulevard d'Avroy", "Rue Saint-Gilles", "Avenue Reine Astrid", "Rue du Fort",
)
NL_STREETS = (
    "Kerkstraat", "Stationsstraat", "Dorpsstraat", "Molenstraat", "Nieuwstraat", "Schoolstraat",
    "Leopoldlaan", "Kapelstraat", "Veldstraat", "Grote Markt", "Beekstraat", "Lindenlaan", "Bosstraat",
    "Hoogstraat", "Meersstraat",
)


@dataclass(frozen=True, slots=True)
class Address:
    line: str
    place: Place
    lang: str

    def as_fhir(self) -> dict[str, object]:
        return {
            "use": "home",
            "type": "physical",
            "line": [self.line],
            "city": self.place.city(self.lang),
            "postalCode": self.place.postal_code,
            "country": "BE",
        }


def _name(raw: str) -> str:
    return raw.replace("_", " ")


def pick_region_and_language(rng: random.Random) -> tuple[str, str]:
    """Region weights roughly follow where the demo hospital's patients would live; Brussels is bilingual."""
    roll = rng.random()
    if roll < 0.35:
        return "brussels", ("fr" if rng.random() < 0.8 else "nl")
    if roll < 0.65:
        return "wallonia", "fr"
    return "flanders", "nl"


def pick_person_name(rng: random.Random, lang: str, male: bool) -> tuple[str, str]:
    """(given, family) in the patient's language; some Brussels/Flanders families carry the other's name."""
    if lang == "nl":
        given = rng.choice(NL_MALE if male else NL_FEMALE)
        family = rng.choice(NL_FAMILY if rng.random() < 0.9 else FR_FAMILY)
    else:
        given = rng.choice(FR_MALE if male else FR_FEMALE)
        family = rng.choice(FR_FAMILY if rng.random() < 0.85 else NL_FAMILY)
    return given, _name(family)


def pick_address(rng: random.Random, region: str, lang: str) -> Address:
    number = rng.randint(1, 180)
    box = ""
    if rng.random() < 0.15:
        box = (" bus " if lang == "nl" else " bte ") + str(rng.randint(1, 12))
    if region == "brussels":
        fr, nl = rng.choice(BRUSSELS_STREETS)
        street, place = (nl if lang == "nl" else fr), rng.choice(BRUSSELS)
    elif region == "wallonia":
        street, place = rng.choice(FR_STREETS), rng.choice(WALLONIA)
    else:
        street, place = rng.choice(NL_STREETS), rng.choice(FLANDERS)
    return Address(f"{street} {number}{box}", place, lang)


def pick_phone(rng: random.Random) -> str:
    return f"+32 4{rng.randint(70, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
