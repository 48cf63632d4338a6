#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""National test address books for jangkau, with their truth.

Writes an address book of community-service work sites and a client list
for villages drawn from every one of the 38 provinces, in the column layout
of the Bapas Baubau field book, and per row the truth: the true village,
the labels of the conventions and mess applied, what the written text
resolves to for a careful person holding the official gazetteer, and what
the coordinate cell means. The regional conventions (banjar, jorong,
gampong, kampung, distrik, pekon, lembang, negeri, ...) and the mistakes
offices make are written from knowledge of Indonesian addressing, never
from the matcher's code: the corpus is meant to predict how jangkau does on
books it has never seen. tests/corpus/README.md documents the output.

Python 3 standard library only. Geometry (points inside or just outside a
village polygon) is read from the national GeoPackage with sqlite3 and
tested in plain Python.

    gen_addrbook.py --shared ../shared/data --gpkg indonesia_desa.gpkg \
        --seed 20260801 --per-province 150 --out corpus
"""

import argparse
import csv
import hashlib
import lzma
import math
import os
import random
import re
import shutil
import sqlite3
import struct
import sys
import tempfile

DEFAULT_SEED = 20260801

# ---------------------------------------------------------------------------
# Names of the provinces as people write them. "old" are the names of the
# province a region belonged to before it was split off (people keep
# writing them for years), with the codes the old name covers.

PROVINCES = {
    "11": {"short": ["Aceh", "NAD", "Nanggroe Aceh Darussalam", "Prov. Aceh"]},
    "12": {"short": ["Sumut", "Sumatera Utara", "Sumatra Utara", "Prov. Sumut"]},
    "13": {"short": ["Sumbar", "Sumatera Barat", "Sumatra Barat"]},
    "14": {"short": ["Riau", "Prov. Riau"]},
    "15": {"short": ["Jambi", "Prov. Jambi"]},
    "16": {"short": ["Sumsel", "Sumatera Selatan", "Sumatra Selatan"]},
    "17": {"short": ["Bengkulu", "Prov. Bengkulu"]},
    "18": {"short": ["Lampung", "Prov. Lampung"]},
    "19": {"short": ["Babel", "Kep. Bangka Belitung", "Bangka Belitung"],
           "old": [("Sumsel", ["16", "19"]), ("Sumatera Selatan", ["16", "19"])]},
    "21": {"short": ["Kepri", "Kepulauan Riau", "Kep. Riau"],
           "old": [("Riau", ["14", "21"])]},
    "31": {"short": ["DKI Jakarta", "DKI", "Jakarta"]},
    "32": {"short": ["Jabar", "Jawa Barat", "Prov. Jabar"]},
    "33": {"short": ["Jateng", "Jawa Tengah", "Prov. Jateng"]},
    "34": {"short": ["DIY", "D.I. Yogyakarta", "DI Yogyakarta", "Yogyakarta"]},
    "35": {"short": ["Jatim", "Jawa Timur", "Prov. Jatim"]},
    "36": {"short": ["Banten", "Prov. Banten"],
           "old": [("Jabar", ["32", "36"]), ("Jawa Barat", ["32", "36"])]},
    "51": {"short": ["Bali", "Prov. Bali"]},
    "52": {"short": ["NTB", "Nusa Tenggara Barat"]},
    "53": {"short": ["NTT", "Nusa Tenggara Timur"]},
    "61": {"short": ["Kalbar", "Kalimantan Barat"]},
    "62": {"short": ["Kalteng", "Kalimantan Tengah"]},
    "63": {"short": ["Kalsel", "Kalimantan Selatan"]},
    "64": {"short": ["Kaltim", "Kalimantan Timur"]},
    "65": {"short": ["Kaltara", "Kalimantan Utara"],
           "old": [("Kaltim", ["64", "65"]), ("Kalimantan Timur", ["64", "65"])]},
    "71": {"short": ["Sulut", "Sulawesi Utara"]},
    "72": {"short": ["Sulteng", "Sulawesi Tengah"]},
    "73": {"short": ["Sulsel", "Sulawesi Selatan"]},
    "74": {"short": ["Sultra", "Sulawesi Tenggara"]},
    "75": {"short": ["Gorontalo", "Prov. Gorontalo"],
           "old": [("Sulut", ["71", "75"])]},
    "76": {"short": ["Sulbar", "Sulawesi Barat"],
           "old": [("Sulsel", ["73", "76"]), ("Sulawesi Selatan", ["73", "76"])]},
    "81": {"short": ["Maluku", "Prov. Maluku"]},
    "82": {"short": ["Malut", "Maluku Utara"],
           "old": [("Maluku", ["81", "82"])]},
    "91": {"short": ["Papua", "Prov. Papua"]},
    "92": {"short": ["Papua Barat", "Pabar"],
           "old": [("Irian Jaya Barat", ["92", "96"]), ("Papua", ["91", "92", "93", "94", "95", "96"])]},
    "93": {"short": ["Papua Selatan", "Prov. Papua Selatan"],
           "old": [("Papua", ["91", "93", "94", "95"])]},
    "94": {"short": ["Papua Tengah", "Prov. Papua Tengah"],
           "old": [("Papua", ["91", "93", "94", "95"])]},
    "95": {"short": ["Papua Pegunungan", "Prov. Papua Pegunungan"],
           "old": [("Papua", ["91", "93", "94", "95"])]},
    "96": {"short": ["Papua Barat Daya", "PBD"],
           "old": [("Papua Barat", ["92", "96"])]},
}

# First two digits of the postal codes of each province (Pos Indonesia's
# scheme). Where a province shares a prefix with a neighbour but has its
# own as well, only its own is used (Riau 28, not 29 of Inhil and Kepri;
# Kalimantan Timur 75/76, not 77 of Berau and Kaltara; Sulawesi Selatan
# 90/92, not 91 of its north and Sulbar), because which of its regencies
# use the shared one is not known here. The remaining digits are plausible,
# not real: a matcher must not rely on them.
POSTAL_PREFIX = {
    "11": ["23", "24"], "12": ["20", "21", "22"], "13": ["25", "26", "27"],
    "14": ["28"], "15": ["36", "37"], "16": ["30", "31", "32"],
    "17": ["38", "39"], "18": ["34", "35"], "19": ["33"], "21": ["29"],
    "31": ["10", "11", "12", "13", "14"], "32": ["16", "17", "40", "41", "43", "44", "45", "46"],
    "33": ["50", "51", "52", "53", "54", "56", "57", "58", "59"], "34": ["55"],
    "35": ["60", "61", "62", "63", "64", "65", "66", "67", "68", "69"], "36": ["15", "42"],
    "51": ["80", "81", "82"], "52": ["83", "84"], "53": ["85", "86", "87"],
    "61": ["78", "79"], "62": ["73", "74"], "63": ["70", "71", "72"],
    "64": ["75", "76"], "65": ["77"], "71": ["95"], "72": ["94"],
    "73": ["90", "92"], "74": ["93"], "75": ["96"], "76": ["91"],
    "81": ["97"], "82": ["97"], "91": ["99"], "92": ["98"], "93": ["99"],
    "94": ["98", "99"], "95": ["99"], "96": ["98"],
}

# Regency and city names as offices write them besides the official one:
# abbreviations in daily use, and spellings that differ from the gazetteer.
REGENCY_ALIASES = {
    "Kota Administrasi Jakarta Pusat": ["Jakpus", "Jakarta Pusat"],
    "Kota Administrasi Jakarta Utara": ["Jakut", "Jakarta Utara"],
    "Kota Administrasi Jakarta Barat": ["Jakbar", "Jakarta Barat"],
    "Kota Administrasi Jakarta Selatan": ["Jaksel", "Jakarta Selatan"],
    "Kota Administrasi Jakarta Timur": ["Jaktim", "Jakarta Timur"],
    "Kabupaten Administrasi Kepulauan Seribu": ["Kep. Seribu", "Pulau Seribu"],
    "Kabupaten Bandung Barat": ["KBB"],
    "Kabupaten Bandung": ["Kab. Bdg"],
    "Kota Tangerang Selatan": ["Tangsel"],
    "Kabupaten Lombok Barat": ["Lobar"],
    "Kabupaten Lombok Tengah": ["Loteng"],
    "Kabupaten Lombok Timur": ["Lotim"],
    "Kabupaten Lombok Utara": ["KLU"],
    "Kabupaten Sumbawa Barat": ["KSB"],
    "Kabupaten Timor Tengah Selatan": ["TTS"],
    "Kabupaten Timor Tengah Utara": ["TTU"],
    "Kabupaten Flores Timur": ["Flotim"],
    "Kabupaten Manggarai Barat": ["Mabar"],
    "Kabupaten Manggarai Timur": ["Matim"],
    "Kabupaten Sumba Barat Daya": ["SBD"],
    "Kabupaten Kutai Kartanegara": ["Kukar"],
    "Kabupaten Kutai Timur": ["Kutim"],
    "Kabupaten Kutai Barat": ["Kubar"],
    "Kabupaten Penajam Paser Utara": ["PPU"],
    "Kabupaten Mahakam Ulu": ["Mahulu"],
    "Kabupaten Hulu Sungai Utara": ["HSU"],
    "Kabupaten Hulu Sungai Tengah": ["HST"],
    "Kabupaten Hulu Sungai Selatan": ["HSS"],
    "Kabupaten Barito Kuala": ["Batola"],
    "Kabupaten Tanah Laut": ["Tala"],
    "Kabupaten Tanah Bumbu": ["Tanbu"],
    "Kabupaten Kotawaringin Timur": ["Kotim"],
    "Kabupaten Kotawaringin Barat": ["Kobar"],
    "Kabupaten Barito Selatan": ["Barsel"],
    "Kabupaten Barito Utara": ["Barut"],
    "Kabupaten Barito Timur": ["Bartim"],
    "Kabupaten Murung Raya": ["Mura"],
    "Kabupaten Pulang Pisau": ["Pulpis"],
    "Kabupaten Gunung Mas": ["Gumas"],
    "Kabupaten Serdang Bedagai": ["Sergai"],
    "Kabupaten Tapanuli Tengah": ["Tapteng"],
    "Kabupaten Tapanuli Selatan": ["Tapsel"],
    "Kabupaten Tapanuli Utara": ["Taput"],
    "Kabupaten Mandailing Natal": ["Madina"],
    "Kabupaten Humbang Hasundutan": ["Humbahas"],
    "Kabupaten Toba": ["Tobasa", "Toba Samosir"],
    "Kabupaten Padang Lawas": ["Palas"],
    "Kabupaten Padang Lawas Utara": ["Paluta"],
    "Kabupaten Labuhanbatu": ["Labuhan Batu"],
    "Kabupaten Labuhanbatu Utara": ["Labura"],
    "Kabupaten Labuhanbatu Selatan": ["Labusel"],
    "Kabupaten Deli Serdang": ["Deliserdang"],
    "Kota Pematangsiantar": ["Pematang Siantar", "P. Siantar", "Siantar"],
    "Kota Padangsidimpuan": ["Padang Sidempuan", "Psp"],
    "Kabupaten Pesisir Selatan": ["Pessel"],
    "Kabupaten Pasaman Barat": ["Pasbar"],
    "Kabupaten Lima Puluh Kota": ["50 Kota", "Limapuluh Kota"],
    "Kabupaten Solok Selatan": ["Solsel"],
    "Kabupaten Sijunjung": ["Sawahlunto Sijunjung"],
    "Kabupaten Kepulauan Mentawai": ["Mentawai"],
    "Kota Bukittinggi": ["Bukit Tinggi"],
    "Kabupaten Indragiri Hulu": ["Inhu"],
    "Kabupaten Indragiri Hilir": ["Inhil"],
    "Kabupaten Kuantan Singingi": ["Kuansing"],
    "Kabupaten Rokan Hulu": ["Rohul"],
    "Kabupaten Rokan Hilir": ["Rohil"],
    "Kabupaten Kepulauan Meranti": ["Meranti"],
    "Kota Pekanbaru": ["Pekan Baru"],
    "Kota Tanjung Pinang": ["Tanjungpinang", "Tg. Pinang"],
    "Kabupaten Tanjung Jabung Barat": ["Tanjabbar"],
    "Kabupaten Tanjung Jabung Timur": ["Tanjabtim"],
    "Kabupaten Batanghari": ["Batang Hari"],
    "Kabupaten Muaro Jambi": ["Muarojambi"],
    "Kabupaten Ogan Komering Ilir": ["OKI"],
    "Kabupaten Ogan Komering Ulu": ["OKU"],
    "Kabupaten Ogan Komering Ulu Timur": ["OKU Timur", "OKUT"],
    "Kabupaten Ogan Komering Ulu Selatan": ["OKU Selatan", "OKUS"],
    "Kabupaten Ogan Ilir": ["OI"],
    "Kabupaten Musi Banyuasin": ["Muba"],
    "Kabupaten Musi Rawas": ["Mura"],
    "Kabupaten Musi Rawas Utara": ["Muratara"],
    "Kabupaten Penukal Abab Lematang Ilir": ["PALI"],
    "Kabupaten Muara Enim": ["Muaraenim"],
    "Kota Lubuk Linggau": ["Lubuklinggau"],
    "Kota Pagar Alam": ["Pagaralam"],
    "Kabupaten Bengkulu Tengah": ["Benteng"],
    "Kabupaten Rejang Lebong": ["RL"],
    "Kabupaten Lampung Selatan": ["Lamsel"],
    "Kabupaten Lampung Tengah": ["Lamteng"],
    "Kabupaten Lampung Timur": ["Lamtim"],
    "Kabupaten Lampung Utara": ["Lampura"],
    "Kabupaten Lampung Barat": ["Lambar"],
    "Kabupaten Tulang Bawang": ["Tuba"],
    "Kabupaten Tulang Bawang Barat": ["Tubaba"],
    "Kabupaten Pesisir Barat": ["Pesibar"],
    "Kota Bandar Lampung": ["Bandarlampung"],
    "Kabupaten Bangka Tengah": ["Bateng"],
    "Kabupaten Bangka Selatan": ["Basel"],
    "Kabupaten Bangka Barat": ["Babar"],
    "Kabupaten Belitung Timur": ["Beltim"],
    "Kota Pangkal Pinang": ["Pangkalpinang"],
    "Kabupaten Aceh Barat Daya": ["Abdya"],
    "Kabupaten Aceh Tenggara": ["Agara"],
    "Kabupaten Pidie Jaya": ["Pijay"],
    "Kabupaten Gayo Lues": ["Galus"],
    "Kabupaten Aceh Besar": ["Abes"],
    "Kabupaten Aceh Tamiang": ["Atam"],
    "Kabupaten Pangkajene dan Kepulauan": ["Pangkep"],
    "Kabupaten Sidenreng Rappang": ["Sidrap"],
    "Kabupaten Luwu Utara": ["Lutra"],
    "Kabupaten Luwu Timur": ["Lutim"],
    "Kabupaten Tana Toraja": ["Tator"],
    "Kabupaten Toraja Utara": ["Torut"],
    "Kabupaten Kepulauan Selayar": ["Selayar"],
    "Kota Parepare": ["Pare-Pare", "Pare Pare"],
    "Kota Makassar": ["Makasar"],
    "Kabupaten Polewali Mandar": ["Polman"],
    "Kabupaten Pasangkayu": ["Mamuju Utara"],
    "Kabupaten Mamuju Tengah": ["Mateng"],
    "Kabupaten Parigi Moutong": ["Parimo"],
    "Kabupaten Tojo Una Una": ["Touna", "Tojo Una-Una"],
    "Kabupaten Morowali Utara": ["Morut"],
    "Kabupaten Banggai Kepulauan": ["Bangkep"],
    "Kabupaten Banggai Laut": ["Balut"],
    "Kabupaten Toli-Toli": ["Tolitoli"],
    "Kabupaten Minahasa Utara": ["Minut"],
    "Kabupaten Minahasa Selatan": ["Minsel"],
    "Kabupaten Minahasa Tenggara": ["Mitra"],
    "Kabupaten Bolaang Mongondow": ["Bolmong"],
    "Kabupaten Bolaang Mongondow Utara": ["Bolmut"],
    "Kabupaten Bolaang Mongondow Timur": ["Boltim"],
    "Kabupaten Bolaang Mongondow Selatan": ["Bolsel"],
    "Kabupaten Kep. Siau Tagulandang Biaro": ["Sitaro"],
    "Kabupaten Gorontalo Utara": ["Gorut"],
    "Kabupaten Bone Bolango": ["Bonebol"],
    "Kabupaten Muna Barat": ["Mubar"],
    "Kabupaten Buton Tengah": ["Buteng"],
    "Kabupaten Buton Selatan": ["Busel"],
    "Kabupaten Buton Utara": ["Butur"],
    "Kabupaten Kolaka Timur": ["Koltim"],
    "Kabupaten Konawe Selatan": ["Konsel"],
    "Kabupaten Konawe Utara": ["Konut"],
    "Kabupaten Kolaka Utara": ["Kolut"],
    "Kota Bau Bau": ["Baubau", "Bau-Bau"],
    "Kabupaten Maluku Tengah": ["Malteng"],
    "Kabupaten Seram Bagian Barat": ["SBB"],
    "Kabupaten Seram Bagian Timur": ["SBT"],
    "Kabupaten Maluku Tenggara": ["Malra"],
    "Kabupaten Maluku Barat Daya": ["MBD"],
    "Kabupaten Buru Selatan": ["Bursel"],
    "Kabupaten Kepulauan Tanimbar": ["MTB", "Maluku Tenggara Barat"],
    "Kabupaten Halmahera Barat": ["Halbar"],
    "Kabupaten Halmahera Tengah": ["Halteng"],
    "Kabupaten Halmahera Selatan": ["Halsel"],
    "Kabupaten Halmahera Timur": ["Haltim"],
    "Kabupaten Halmahera Utara": ["Halut"],
    "Kabupaten Kepulauan Sula": ["Kepsul"],
    "Kota Tidore Kepulauan": ["Tidore", "Tikep"],
    "Kabupaten Pegunungan Arfak": ["Pegaf"],
    "Kabupaten Manokwari Selatan": ["Mansel"],
    "Kabupaten Sorong Selatan": ["Sorsel"],
    "Kabupaten Pegunungan Bintang": ["Pegubin"],
    "Kabupaten Jayawijaya": ["Wamena"],
    "Kabupaten Mimika": ["Timika"],
    "Kota Palangkaraya": ["Palangka Raya"],
    "Kota Banjarbaru": ["Banjar Baru"],
    "Kota Yogyakarta": ["Jogja", "Yogya", "Jogjakarta"],
    "Kabupaten Gunungkidul": ["Gunung Kidul"],
    "Kabupaten Kulon Progo": ["Kulonprogo"],
}

# Regencies split off after 1999, child -> parent: offices keep writing the
# parent for years.
OLD_PARENT = {
    "Kabupaten Bandung Barat": "Kabupaten Bandung",
    "Kota Cimahi": "Kabupaten Bandung",
    "Kabupaten Pangandaran": "Kabupaten Ciamis",
    "Kota Banjar": "Kabupaten Ciamis",
    "Kota Tasikmalaya": "Kabupaten Tasikmalaya",
    "Kota Tangerang Selatan": "Kabupaten Tangerang",
    "Kota Serang": "Kabupaten Serang",
    "Kota Batu": "Kabupaten Malang",
    "Kabupaten Lombok Utara": "Kabupaten Lombok Barat",
    "Kabupaten Pesisir Barat": "Kabupaten Lampung Barat",
    "Kabupaten Pringsewu": "Kabupaten Tanggamus",
    "Kabupaten Tulang Bawang Barat": "Kabupaten Tulang Bawang",
    "Kabupaten Mesuji": "Kabupaten Tulang Bawang",
    "Kabupaten Pesawaran": "Kabupaten Lampung Selatan",
    "Kabupaten Toraja Utara": "Kabupaten Tana Toraja",
    "Kabupaten Muna Barat": "Kabupaten Muna",
    "Kabupaten Buton Tengah": "Kabupaten Buton",
    "Kabupaten Buton Selatan": "Kabupaten Buton",
    "Kabupaten Kolaka Timur": "Kabupaten Kolaka",
    "Kabupaten Morowali Utara": "Kabupaten Morowali",
    "Kabupaten Banggai Laut": "Kabupaten Banggai Kepulauan",
    "Kabupaten Pulau Taliabu": "Kabupaten Kepulauan Sula",
    "Kabupaten Mamuju Tengah": "Kabupaten Mamuju",
    "Kabupaten Musi Rawas Utara": "Kabupaten Musi Rawas",
    "Kabupaten Penukal Abab Lematang Ilir": "Kabupaten Muara Enim",
    "Kabupaten Mahakam Ulu": "Kabupaten Kutai Barat",
    "Kabupaten Kepulauan Meranti": "Kabupaten Bengkalis",
    "Kabupaten Labuhanbatu Utara": "Kabupaten Labuhanbatu",
    "Kabupaten Labuhanbatu Selatan": "Kabupaten Labuhanbatu",
    "Kabupaten Padang Lawas": "Kabupaten Tapanuli Selatan",
    "Kabupaten Padang Lawas Utara": "Kabupaten Tapanuli Selatan",
    "Kabupaten Nias Utara": "Kabupaten Nias",
    "Kabupaten Nias Barat": "Kabupaten Nias",
    "Kota Gunungsitoli": "Kabupaten Nias",
    "Kabupaten Kepulauan Anambas": "Kabupaten Natuna",
    "Kabupaten Dharmasraya": "Kabupaten Sijunjung",
    "Kota Pariaman": "Kabupaten Padang Pariaman",
    "Kabupaten Pidie Jaya": "Kabupaten Pidie",
    "Kabupaten Bener Meriah": "Kabupaten Aceh Tengah",
    "Kota Subulussalam": "Kabupaten Aceh Singkil",
    "Kabupaten Manokwari Selatan": "Kabupaten Manokwari",
    "Kabupaten Pegunungan Arfak": "Kabupaten Manokwari",
    "Kabupaten Malaka": "Kabupaten Belu",
    "Kabupaten Sumba Barat Daya": "Kabupaten Sumba Barat",
    "Kabupaten Manggarai Timur": "Kabupaten Manggarai",
    "Kota Sungai Penuh": "Kabupaten Kerinci",
    "Kabupaten Maybrat": "Kabupaten Sorong Selatan",
    "Kabupaten Tambrauw": "Kabupaten Sorong",
}

# Towns that were a kota administratif (Kotif) before becoming a city;
# the old letterheads still show it.
KOTIF = ["Kota Cimahi", "Kota Depok", "Kota Bekasi", "Kota Banjarbaru",
         "Kota Bitung", "Kota Ternate", "Kota Dumai", "Kota Batam",
         "Kota Lhokseumawe", "Kota Langsa", "Kota Bau Bau", "Kota Tanjung Pinang"]

# Words that abbreviate the first word of a place name, and back.
ABBREV = {
    "sungai": ["Sei", "Sei.", "S."], "gunung": ["Gn.", "Gn", "G."],
    "tanjung": ["Tj.", "Tg."], "kampung": ["Kp.", "Kamp."],
    "pondok": ["Pd.", "Pdk."], "batu": ["Bt."], "karang": ["Kr.", "Krg."],
    "simpang": ["Sp.", "Simp."], "pulau": ["P.", "Pl."], "teluk": ["Tlk."],
    "lubuk": ["Lb.", "Lbk."], "muara": ["Ma."], "pasar": ["Ps."],
}
# Where each abbreviation is in daily use (province codes; None: everywhere).
SUMATRA = ("11", "12", "13", "14", "15", "16", "17", "18", "19", "21")
ABBREV_WHERE = {
    "sungai": ("12", "14", "15", "21", "61", "62", "63", "64", "65"), "gunung": None,
    "tanjung": None, "kampung": SUMATRA + ("31", "32", "36"), "pondok": ("31", "32", "36"),
    "batu": ("12", "13", "14", "15", "16"), "karang": ("32", "33", "35", "36"),
    "simpang": SUMATRA, "pulau": None, "teluk": None,
    "lubuk": ("12", "13", "14", "15", "16", "17"), "muara": ("15", "16"),
    "pasar": ("12", "13", "31"),
}
ABBREV_BACK = {"sei": "sungai", "sungei": "sungai", "s": "sungai",
               "gn": "gunung", "g": "gunung", "tj": "tanjung", "tg": "tanjung",
               "tanj": "tanjung", "tjg": "tanjung", "kp": "kampung",
               "kamp": "kampung", "pd": "pondok", "pdk": "pondok", "bt": "batu",
               "kr": "karang", "krg": "karang", "sp": "simpang", "simp": "simpang",
               "p": "pulau", "pl": "pulau", "tlk": "teluk", "lb": "lubuk",
               "lbk": "lubuk", "ma": "muara", "ps": "pasar", "km": "kilometer"}

# Words that name the kind of unit before a village name (with and without
# the word, a reader must try both readings).
UNIT_WORDS = {"desa", "ds", "kelurahan", "kel", "kalurahan", "kampung", "kp",
              "gampong", "gp", "nagari", "negeri", "pekon", "tiyuh", "lembang",
              "ohoi", "dusun", "kenagarian"}

NUM_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
             "tujuh": 7, "delapan": 8, "sembilan": 9}
NUM_WORD_OF = {v: k.capitalize() for k, v in NUM_WORDS.items()}
ROMAN_RE = re.compile(r"^(x{0,3})(ix|iv|v?i{0,3})$")


def roman_to_int(s):
    s = s.lower()
    if not s or not ROMAN_RE.match(s):
        return None
    vals = {"i": 1, "v": 5, "x": 10}
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        if i + 1 < len(s) and vals[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


def int_to_roman(n):
    out = ""
    for v, r in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += r
            n -= v
    return out


def int_to_words(n):
    """Indonesian number words, 1..99, as a list of capitalised words."""
    if n < 10:
        return [NUM_WORD_OF[n]]
    if n == 10:
        return ["Sepuluh"]
    if n == 11:
        return ["Sebelas"]
    if n < 20:
        return [NUM_WORD_OF[n - 10], "Belas"]
    t, u = divmod(n, 10)
    return [NUM_WORD_OF[t], "Puluh"] + ([NUM_WORD_OF[u]] if u else [])


def tokens(s):
    s = s.lower().replace("'", "").replace("`", "").replace("\u2019", "")
    return [t for t in re.split(r"[^0-9a-z]+", s) if t]


def numberise(toks):
    """Number words and roman numerals to digits, 'dua puluh enam' -> 26."""
    out = []
    cur = None
    expect_unit = False

    def flush():
        nonlocal cur
        if cur is not None:
            out.append(str(cur))
            cur = None

    for t in toks:
        if t in NUM_WORDS:
            u = NUM_WORDS[t]
            if cur is not None and expect_unit:
                cur += u
                expect_unit = False
            else:
                flush()
                cur = u
            continue
        if t == "sepuluh":
            flush()
            cur, expect_unit = 10, False
            continue
        if t == "sebelas":
            flush()
            cur, expect_unit = 11, False
            continue
        if t == "belas" and cur is not None and cur < 10:
            cur += 10
            expect_unit = False
            continue
        if t == "puluh" and cur is not None and cur < 10:
            cur *= 10
            expect_unit = True
            continue
        expect_unit = False
        if t.isdigit():
            flush()
            out.append(str(int(t)))
            continue
        r = roman_to_int(t)
        if r is not None and out + ([str(cur)] if cur is not None else []):
            # a roman numeral after at least one word: "Raha I", "Ujong XII"
            flush()
            out.append(str(r))
            continue
        flush()
        out.append(t)
    flush()
    return out


def norm(s):
    """The key under which a careful reader takes two spellings as one
    name: case, spaces, hyphens, apostrophes, common abbreviations and
    numbers written as digits, words or roman numerals."""
    toks = [ABBREV_BACK.get(t, t) for t in tokens(s)]
    return "".join(numberise(toks))


def readings(s):
    """Every name a written village string may mean: with and without a
    leading unit word ("Desa Baru" is the village Desa Baru or Baru)."""
    toks = tokens(s)
    keys = {norm(s)}
    i = 0
    while i < 2 and len(toks) > i + 1 and (toks[i] in UNIT_WORDS or (i == 1 and toks[i] in ("dinas", "adat"))):
        i += 1
        keys.add(norm(" ".join(toks[i:])))
    return keys


def strip_kind(nama):
    """'Kabupaten Bandung' -> ('kab', 'Bandung'); 'Kota Administrasi
    Jakarta Selatan' -> ('kota', 'Jakarta Selatan')."""
    for pre, kind in (("Kabupaten Administrasi ", "kab"), ("Kota Administrasi ", "kota"),
                      ("Kabupaten ", "kab"), ("Kota ", "kota")):
        if nama.startswith(pre):
            return kind, nama[len(pre):]
    return "kab", nama


_BIGRAMS = {}


def bigrams(s):
    b = _BIGRAMS.get(s)
    if b is None:
        b = _BIGRAMS[s] = frozenset(s[i:i + 2] for i in range(len(s) - 1))
    return b


def levenshtein(a, b, cap=3):
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        best = i
        for j, cb in enumerate(b, 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            cur.append(v)
            best = min(best, v)
        if best > cap:
            return cap + 1
        prev = cur
    return prev[-1]


# ---------------------------------------------------------------------------
# The gazetteer


class Gazetteer:
    def __init__(self, shared):
        self.units = {}
        self.children = {}
        with open(os.path.join(shared, "gazetteer", "wilayah.csv"), newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                self.units[r["kode"]] = (r["nama"].strip(), int(r["level"]), r["parent_kode"])
                self.children.setdefault(r["parent_kode"], []).append(r["kode"])
        self.missing = set()
        with open(os.path.join(shared, "boundaries", "qa", "missing_villages.csv"), newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                self.missing.add(r["kode"])
        self.pop = {}
        with open(os.path.join(shared, "gazetteer", "penduduk.csv"), newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                self.pop[r["kode"]] = int(r["total"])
        self.provinces = sorted(k for k, u in self.units.items() if u[1] == 1)
        self.villages = sorted(k for k, u in self.units.items() if u[1] == 4)
        self.by_norm = {}      # village name key -> [codes]
        for k in self.villages:
            self.by_norm.setdefault(norm(self.units[k][0]), []).append(k)
        self.kab_by_name = {u[0]: k for k, u in self.units.items() if u[1] == 2}
        self.kab_keys = {}     # written key -> set of regency codes
        for k, u in self.units.items():
            if u[1] != 2:
                continue
            kind, base = strip_kind(u[0])
            self.kab_keys.setdefault(("any", norm(base)), set()).add(k)
            self.kab_keys.setdefault((kind, norm(base)), set()).add(k)
        self.known_keys = set(self.by_norm)
        for k, u in self.units.items():
            if u[1] in (2, 3):
                self.known_keys.add(norm(strip_kind(u[0])[1]))
        self.alias_codes = {}
        for off, als in REGENCY_ALIASES.items():
            for al in als:
                if off in self.kab_by_name:
                    self.alias_codes.setdefault(norm(al), set()).add(self.kab_by_name[off])
        self.children_of_old = {}
        for child, par in OLD_PARENT.items():
            if par in self.kab_by_name and child in self.kab_by_name:
                self.children_of_old.setdefault(self.kab_by_name[par], set()).add(self.kab_by_name[child])
        # names by first letter and length, for the typo checks
        self.names_in_kab = {}
        for k in self.villages:
            self.names_in_kab.setdefault(k[:5], set()).add(norm(self.units[k][0]))

    def name(self, k):
        return self.units[k][0]

    def parent(self, k):
        return self.units[k][2]

    def kab_codes(self, written_kind, written_base):
        """Regencies a written regency may mean. written_kind: 'kab',
        'kota' or 'any' (no prefix)."""
        key = norm(written_base)
        out = set(self.kab_keys.get((written_kind, key), set()))
        if not out and written_kind != "any":
            out = set(self.kab_keys.get(("any", key), set()))
        out |= self.alias_codes.get(key, set())
        for k in sorted(out):
            out |= self.children_of_old.get(k, set())
        return out


# ---------------------------------------------------------------------------
# Geometry: village polygons read from the GeoPackage, tested in plain Python


def parse_gpkg_geom(blob):
    """GeoPackage binary -> list of polygons, each a list of rings, each a
    list of (x, y); x = longitude."""
    flags = blob[3]
    env = (flags >> 1) & 7
    off = 8 + {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[env]
    polys = []

    def rd(fmt, o, bo):
        return struct.unpack_from(("<" if bo else ">") + fmt, blob, o)

    def geom(o):
        bo = blob[o] == 1
        (gtype,) = rd("I", o + 1, bo)
        o += 5
        gtype %= 1000
        if gtype == 3:
            (nr,) = rd("I", o, bo)
            o += 4
            rings = []
            for _ in range(nr):
                (npt,) = rd("I", o, bo)
                o += 4
                vals = rd("%dd" % (2 * npt), o, bo)
                o += 16 * npt
                rings.append(list(zip(vals[0::2], vals[1::2])))
            polys.append(rings)
            return o
        if gtype == 6:
            (n,) = rd("I", o, bo)
            o += 4
            for _ in range(n):
                o = geom(o)
            return o
        raise ValueError("unexpected geometry type %d" % gtype)

    geom(off)
    return polys


def ring_contains(ring, x, y):
    inside = False
    n = len(ring)
    x1, y1 = ring[-1]
    for i in range(n):
        x2, y2 = ring[i]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if xi > x:
                inside = not inside
        x1, y1 = x2, y2
    return inside


def poly_contains(poly, x, y):
    return sum(ring_contains(r, x, y) for r in poly) % 2 == 1


def ring_area(ring):
    a = 0.0
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        a += x1 * y2 - x2 * y1
        x1, y1 = x2, y2
    return abs(a) / 2


def metres(lat):
    """Metres per degree of longitude and latitude at a latitude."""
    return 111320.0 * math.cos(math.radians(lat)), 110574.0


def dist_to_rings(polys, x, y):
    """Distance in metres from (x, y) to the nearest polygon edge."""
    mx, my = metres(y)
    best = float("inf")
    for poly in polys:
        for ring in poly:
            x1, y1 = ring[-1]
            for x2, y2 in ring:
                ax, ay = (x1 - x) * mx, (y1 - y) * my
                bx, by = (x2 - x) * mx, (y2 - y) * my
                dx, dy = bx - ax, by - ay
                L = dx * dx + dy * dy
                t = 0.0 if L == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / L))
                px, py = ax + t * dx, ay + t * dy
                d = px * px + py * py
                if d < best:
                    best = d
                x1, y1 = x2, y2
    return math.sqrt(best)


class Geo:
    """Village polygons on demand from the national GeoPackage."""

    def __init__(self, path):
        self.db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
        self.fid = {}
        self.kode_of = {}
        for fid, kode in self.db.execute("SELECT fid, kode FROM desa"):
            self.fid[kode] = fid
            self.kode_of[fid] = kode
        self.cache = {}

    def has(self, kode):
        return kode in self.fid

    def load(self, kodes):
        want = sorted({self.fid[k] for k in kodes if k in self.fid and k not in self.cache})
        for i in range(0, len(want), 400):
            chunk = want[i:i + 400]
            q = "SELECT fid, geom FROM desa WHERE fid IN (%s)" % ",".join("?" * len(chunk))
            for fid, blob in self.db.execute(q, chunk):
                polys = parse_gpkg_geom(blob) if blob else []
                bbox = None
                for p in polys:
                    xs = [pt[0] for pt in p[0]]
                    ys = [pt[1] for pt in p[0]]
                    b = (min(xs), min(ys), max(xs), max(ys))
                    bbox = b if bbox is None else (min(bbox[0], b[0]), min(bbox[1], b[1]),
                                                   max(bbox[2], b[2]), max(bbox[3], b[3]))
                self.cache[self.kode_of[fid]] = (polys, bbox)

    def polys(self, kode):
        if kode not in self.cache:
            self.load([kode])
        return self.cache.get(kode, ([], None))

    def contains(self, kode, x, y):
        polys, bbox = self.polys(kode)
        if not bbox or not (bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]):
            return False
        return any(poly_contains(p, x, y) for p in polys)

    def villages_at(self, x, y):
        """Codes of every village polygon containing (x, y)."""
        ids = [r[0] for r in self.db.execute(
            "SELECT id FROM rtree_desa_geom WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?",
            (x, x, y, y))]
        kodes = [self.kode_of[i] for i in sorted(ids)]
        self.load(kodes)
        return [k for k in kodes if self.contains(k, x, y)]

    def point_inside(self, rng, kode, margin_m=40.0):
        """A point inside the village, away from its edges and in no other
        village polygon (neighbouring polygons overlap in slivers)."""
        polys, bbox = self.polys(kode)
        if not polys:
            return None
        areas = [ring_area(p[0]) for p in polys]
        w = [a ** 1.5 for a in areas]
        for attempt in range(300):
            i = rng.choices(range(len(polys)), weights=w)[0] if len(polys) > 1 else 0
            ring = polys[i][0]
            xs = [p[0] for p in ring]
            ys = [p[1] for p in ring]
            x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
            if attempt < 150:
                x = rng.gauss((x0 + x1) / 2, 0.22 * (x1 - x0))
                y = rng.gauss((y0 + y1) / 2, 0.22 * (y1 - y0))
            else:
                x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
            if not poly_contains(polys[i], x, y):
                continue
            mx, my = metres(y)
            size = math.sqrt(areas[i] * mx * my)
            if dist_to_rings(polys, x, y) < min(margin_m, 0.12 * size):
                continue
            if self.villages_at(x, y) != [kode]:
                continue
            return x, y
        return None

    def point_outside_near(self, rng, kode, dmin=50.0, dmax=300.0):
        """A point 50-300 m outside the village's edge (a digitising
        slip): returns (x, y, distance_m)."""
        polys, bbox = self.polys(kode)
        if not polys:
            return None
        main = max(polys, key=lambda p: ring_area(p[0]))[0]
        n = len(main)
        for _ in range(200):
            i = rng.randrange(n)
            (ax, ay), (bx, by) = main[i], main[(i + 1) % n]
            t = rng.random()
            px, py = ax + t * (bx - ax), ay + t * (by - ay)
            ang = rng.uniform(0, 2 * math.pi)
            d = rng.uniform(dmin + 10, dmax - 20)
            mx, my = metres(py)
            x, y = px + d * math.cos(ang) / mx, py + d * math.sin(ang) / my
            if self.contains(kode, x, y):
                continue
            dd = dist_to_rings(polys, x, y)
            if dmin <= dd <= dmax:
                return x, y, dd
        return None


# ---------------------------------------------------------------------------
# Regional content: hamlet, lane and street names, people, places of worship

GROUP = {"11": "aceh", "12": "sumut", "13": "minang", "14": "melayu", "15": "melayu",
         "16": "melayu", "17": "melayu", "18": "lampung", "19": "melayu", "21": "melayu",
         "31": "betawi", "32": "sunda", "33": "jawa", "34": "jawa", "35": "jawa",
         "36": "sunda", "51": "bali", "52": "sasak", "53": "ntt", "61": "kalimantan",
         "62": "kalimantan", "63": "banjar", "64": "kalimantan", "65": "kalimantan",
         "71": "minahasa", "72": "sulawesi", "73": "sulawesi", "74": "buton",
         "75": "gorontalo", "76": "sulawesi", "81": "maluku", "82": "maluku",
         "91": "papua", "92": "papua", "93": "papua", "94": "papua", "95": "papua", "96": "papua"}

HAMLETS = {
    "jawa": ["Krajan", "Kauman", "Karangrejo", "Sidomulyo", "Ngemplak", "Jetis", "Sumbersari",
             "Tegalsari", "Kedungrejo", "Gondang", "Ngasem", "Sukorejo", "Mojosari", "Kepuh",
             "Banaran", "Kradenan", "Kebonagung", "Gedangan", "Randugunting", "Pundung",
             "Bendo", "Ngampel", "Karangtengah", "Kalisari", "Dukuhan", "Sawahan"],
    "sunda": ["Cibeber", "Cikaret", "Sukaresmi", "Babakan", "Pasirangin", "Cisalak", "Cijambu",
              "Cibodas", "Ciherang", "Sindangsari", "Pasirhalang", "Cilimus", "Legok", "Bojong",
              "Cipanas", "Cimanggu", "Pasirjati", "Cikadu", "Ciburial", "Sukahurip", "Lebak",
              "Tegalega", "Ciketug", "Pangkalan"],
    "betawi": ["Kebon Pala", "Kampung Melayu", "Gang Kelor", "Kebon Baru", "Rawa Bunga"],
    "bali": ["Kaja", "Kelod", "Kangin", "Kauh", "Tengah", "Anyar", "Dangin Peken", "Dauh Peken",
             "Pande", "Pekandelan", "Tegal", "Batur", "Gede", "Pasekan", "Puseh", "Kawan",
             "Dalem", "Sema", "Celuk", "Tebola", "Pengubengan", "Lebah", "Tangtu", "Taman",
             "Banjar Anyar", "Kaja Kauh", "Kelod Kangin"],
    "minang": ["Koto Tuo", "Kampuang Tangah", "Padang Laweh", "Simpang Ampek", "Lubuak Aua",
               "Koto Gadang", "Balai Panjang", "Sawah Liek", "Tanjuang", "Batang Kabuang",
               "Kampuang Dalam", "Pasa Usang", "Ladang Laweh", "Galudua", "Parak Laweh",
               "Bukik Batabuah", "Koto Panjang", "Sungai Jariang", "Tanah Taban"],
    "aceh": ["Teungoh", "Baroh", "Tunong", "Meunasah", "Lampoh Raya", "Cot", "Blang",
             "Kuta Baro", "Mesjid", "Timu", "Barat", "Tgk. Syik", "Mawar", "Melati", "Lhok",
             "Krueng", "Seuneubok"],
    "sumut": ["Huta Ginjang", "Huta Tonga", "Huta Julu", "Huta Bagasan", "Huta Toruan",
              "Huta Lobu", "Huta Namora", "Huta Godang", "Huta Bolon", "Lumban Gaol",
              "Lumban Tobing", "Sosor Dolok", "Banjar Nahor"],
    "melayu": ["Sukamaju", "Mekar Sari", "Karya Bakti", "Harapan", "Suka Damai", "Tanjung",
               "Teluk", "Sumber Rejo", "Bina Karya", "Sido Makmur", "Parit Baru", "Sungai Baru",
               "Pulau Baru", "Tebing", "Pangkalan"],
    "lampung": ["Sukamaju", "Srikaton", "Sidorejo", "Margodadi", "Tanjung Anom", "Umbul Kebun",
                "Pekon Balak", "Sumber Agung", "Way Ratai", "Talang Jawa"],
    "sasak": ["Dasan Baru", "Lendang Bajur", "Montong Gading", "Bagek Nyaka", "Karang Baru",
              "Gubuk Dalam", "Lekong", "Orong Bukal", "Dasan Tereng", "Lendang Nangka",
              "Gubuk Timuk", "Pengempel"],
    "ntt": ["A", "B", "C", "Oelomin", "Naioni", "Oebelo", "Lewoleba", "Nangaroro", "Watu",
            "Lokaria", "Bokong", "Oenesu"],
    "kalimantan": ["Sukamaju", "Karya Baru", "Sungai Baru", "Parit Baru", "Tanjung", "Tumbang",
                   "Sido Mulyo", "Batu Ampar", "Long Bagun", "Nanga", "Harapan Jaya"],
    "banjar": ["Handil Bakti", "Sungai Lulut", "Kampung Melayu", "Alalak", "Tatah", "Pemurus",
               "Handil Barabai", "Pasar Lama"],
    "minahasa": [],
    "sulawesi": ["Bonto", "Lembang", "Tamalate", "Kampung Baru", "Bonto Baru", "Pao", "Biring",
                 "Ujung", "Lempangang", "Pa'bundukang", "Salo", "Watampone"],
    "buton": ["La Ode", "Wajo", "Lakologou", "Wameo", "Baadia", "Lamangga"],
    "gorontalo": ["Mawar", "Melati", "Hulondalo", "Potanga", "Bulota", "Dulamayo"],
    "maluku": ["Toisapu", "Air Besar", "Air Salobar", "Kampung Baru", "Hunut", "Wailela",
               "Batu Merah", "Ahuru"],
    "papua": ["Kompleks Polimak", "Kompleks Perumnas III", "Kompleks Dok V", "Kompleks Angkasa"],
}

STREETS = ["Jend. Sudirman", "Ahmad Yani", "A. Yani", "Diponegoro", "Gajah Mada", "Pahlawan",
           "Merdeka", "Pemuda", "Veteran", "Kartini", "Imam Bonjol", "Ki Hajar Dewantara",
           "Gatot Subroto", "Dr. Sutomo", "Pramuka", "Pendidikan", "Masjid", "Kenanga",
           "Melati", "Mawar", "Flamboyan", "Cempaka", "Anggrek", "Poros Desa", "Lingkar",
           "Swadaya", "Gotong Royong", "Perintis Kemerdekaan", "Yos Sudarso", "Juanda",
           "HOS Cokroaminoto", "R.A. Kartini", "Cut Nyak Dhien", "Pattimura", "Trikora",
           "Kesehatan", "Sekolah", "Bhayangkara", "Hasanuddin", "Teuku Umar", "Raya",
           "Dusun", "Jambu", "Rambutan", "Durian", "Kelapa Gading", "Bougenville",
           "Mangga", "Nangka", "Manunggal", "Bakti", "Kemuning", "Cendana", "Seroja"]
STREETS_REGIONAL = {
    "aceh": ["T. Nyak Arief", "Tgk. Chik Ditiro", "Tgk. Daud Beureueh", "Sultan Iskandar Muda",
             "Laksamana Malahayati", "Banda Aceh - Medan", "Tgk. Imum Lueng Bata"],
    "sumut": ["SM Raja", "Sisingamangaraja", "Jamin Ginting", "Sei Batang Hari", "Sei Padang",
              "Lintas Sumatera", "Balige - Siborong-borong"],
    "minang": ["Khatib Sulaiman", "M. Yamin", "Bagindo Aziz Chan", "Sutan Syahrir",
               "Lintas Sumatera", "Raya Padang - Bukittinggi", "Prof. Hamka"],
    "melayu": ["Tuanku Tambusai", "HR Soebrantas", "Sultan Thaha", "Kol. H. Burlian",
               "Angkatan 45", "Demang Lebar Daun", "Lintas Timur", "Lintas Sumatera"],
    "lampung": ["ZA Pagar Alam", "Teuku Umar", "Lintas Sumatera", "Soekarno-Hatta",
                "Raden Intan"],
    "betawi": ["Kebon Sirih", "Raya Bogor", "Casablanca", "TB Simatupang", "Raya Pasar Minggu",
               "Raya Condet", "Pemuda", "Haji Naim", "Raya Kalimalang"],
    "sunda": ["Siliwangi", "Pajajaran", "Raya Bandung - Garut", "Raya Cianjur - Sukabumi",
              "Dipatiukur", "Otista", "Raya Puncak", "Raya Serang"],
    "jawa": ["Pandanaran", "Slamet Riyadi", "Raya Solo - Semarang", "Kaliurang Km 7",
             "Parangtritis Km 5", "Wates Km 10", "Magelang Km 8", "Raya Darmo",
             "Basuki Rahmat", "Raya Kudus - Pati", "Jenderal Soedirman"],
    "bali": ["By Pass Ngurah Rai", "Raya Denpasar - Gilimanuk", "Gunung Agung",
             "Teuku Umar Barat", "Raya Kuta", "Raya Ubud", "Udayana", "Gatot Subroto Timur"],
    "sasak": ["Pejanggik", "Langko", "Raya Praya", "TGH. Faisal", "Raya Selong"],
    "ntt": ["El Tari", "Timor Raya", "Frans Seda", "Adi Sucipto", "Trans Flores",
            "W.J. Lalamentik"],
    "kalimantan": ["Tanjungpura", "Sei Raya Dalam", "Parit H. Husin", "Tjilik Riwut Km 5",
                   "G. Obos", "Trans Kalimantan Km 30", "MT Haryono", "P. Antasari"],
    "banjar": ["A. Yani Km 5", "Pangeran Antasari", "Sei Ulin", "Trans Kalimantan",
               "Veteran", "Sultan Adam"],
    "minahasa": ["Sam Ratulangi", "Piere Tendean", "Raya Tomohon", "Trans Sulawesi",
                 "Wolter Monginsidi"],
    "sulawesi": ["Sultan Alauddin", "AP Pettarani", "Poros Makassar - Maros", "Trans Sulawesi",
                 "Moh. Hatta", "Andi Djemma", "Poros Palopo"],
    "buton": ["Poros Kendari - Kolaka", "Betoambari", "La Ode Manarfa", "Sultan Dayanu"],
    "gorontalo": ["Nani Wartabone", "Trans Sulawesi", "Jaksa Agung Suprapto", "Raja Eyato"],
    "maluku": ["Pattimura", "Jend. Sudirman", "Dr. Kayadoe", "Said Perintah", "AY Patty"],
    "papua": ["Raya Abepura", "Raya Sentani", "Frans Kaisiepo", "Trikora", "Raya Kotaraja",
              "Biak", "Yos Sudarso"],
}
PLACE_STREETS = ["Makassar", "Bandung", "Surabaya", "Medan", "Ambon", "Bali", "Sulawesi",
                 "Kalimantan", "Sumatera", "Irian", "Jawa", "Lombok", "Timor", "Flores",
                 "Manado", "Palembang", "Padang", "Semarang"]
PERUM = ["Perum Griya Asri", "Perumahan Puri Indah", "Komp. Villa Mutiara", "BTN Bumi Permai",
         "Perumnas", "Griya Permata Hijau", "Perum Bumi Sejahtera", "Komplek Pemda",
         "Perum Graha Indah", "BTN Asal Mula", "Komp. Guru", "Perumahan Citra Land"]
GANGS = ["Mawar", "Damai", "Sawo", "Masjid", "Rukun", "Family", "Kenari", "H. Muchtar",
         "Sepakat", "Bersama", "Melati", "Kelapa", "Amal", "Keluarga", "Sederhana", "Swadaya"]

PEOPLE = {
    "aceh": (["Teuku Ridwan", "Muhammad Yusuf", "Tgk. Abdullah", "Zulkifli", "Nurdin",
              "Hasballah", "Fakhrurrazi", "Mukhlis"], ["Cut Nurul", "Nurhayati", "Rahmah",
              "Maryam", "Safrida"], []),
    "sumut": (["Jonter", "Robert", "Parlindungan", "Maruli", "Ahmad", "Rudi", "Darwin"],
              ["Rosmawati", "Tiurma", "Lasmaria", "Nurhayati"],
              ["Siregar", "Simanjuntak", "Nainggolan", "Harahap", "Nasution", "Sitompul",
               "Lubis", "Manurung", "Pardede"]),
    "minang": (["Syafrizal", "Yulizar", "Datuak Rajo", "Erwin", "Afrizal", "Zulhendri"],
               ["Yusnidar", "Rosmaniar", "Elfi", "Nurlela"], []),
    "melayu": (["Syamsuddin", "Zulkifli", "Rahmat", "Azhar", "Hendri", "M. Nasir", "Junaidi"],
               ["Siti Aisyah", "Rosnani", "Wan Nurhayati", "Fatimah"], []),
    "lampung": (["Hi. Ismail", "Rusli", "Suparman", "Bambang", "Anwar"],
                ["Siti Rohmah", "Yuliana", "Sumiati"], []),
    "betawi": (["H. Muhidin", "Bang Rojali", "Sanusi", "Agus Salim", "Rahmat Hidayat"],
               ["Hj. Romlah", "Nurjanah", "Siti Aminah"], []),
    "sunda": (["Asep Saepudin", "Dede Kurniawan", "Ujang", "Cecep", "Yayan Sopyan", "Engkos"],
              ["Euis", "Imas", "Neneng", "Cucu Sumiati"], []),
    "jawa": (["Sutrisno", "Slamet Riyadi", "Sugeng", "Bambang Susilo", "Joko Santoso",
              "Wahyudi", "Suparjo"], ["Siti Aminah", "Sri Wahyuni", "Endang", "Sumiyati",
                                      "Tri Rahayu"], []),
    "bali": (["I Wayan Sudarta", "I Made Suarta", "I Nyoman Gede", "I Ketut Sudira",
              "I Gusti Ngurah Rai", "I Putu Eka", "Ida Bagus Oka"],
             ["Ni Made Sari", "Ni Wayan Sukerti", "Ni Ketut Arini", "Ni Luh Putu"], []),
    "sasak": (["Lalu Muhammad", "Lalu Suhaimi", "Amaq Sahnan", "Mahsun", "H. Zainul"],
              ["Baiq Nurul", "Inaq Rahmah", "Sumarni"], []),
    "ntt": (["Fransiskus", "Yohanes", "Petrus", "Marthen", "Yosef", "Dominggus"],
            ["Maria", "Yuliana", "Theresia", "Agustina"],
            ["Ndun", "Pah", "Benu", "Bria", "Da Costa", "Kolo", "Tefa", "Lewar"]),
    "kalimantan": (["Yohanes Gilang", "Rudi", "Syahrani", "Anang", "Matius", "Junaidi"],
                   ["Rosdiana", "Yuliana", "Maria Ulfa"], []),
    "banjar": (["H. Ramli", "Gusti Rusdi", "Antung", "Samsul", "Mursid"],
               ["Hj. Norhayati", "Siti Jubaidah", "Masnah"], []),
    "minahasa": (["Jefry", "Stenly", "Frans", "Alfrets", "Noldy"], ["Meyske", "Grace", "Olvie"],
                 ["Tumewu", "Rondonuwu", "Lumentut", "Wowor", "Mandagi", "Pangemanan"]),
    "sulawesi": (["Andi Baso", "Muh. Arif", "H. Syamsuddin", "Ambo Dalle", "Daeng Nai"],
                 ["Andi Nurhayati", "Hj. Sitti", "Bau Masita"], []),
    "buton": (["La Ode Syamsul", "La Hadi", "La Ode Ahmad", "La Mbaa"],
              ["Wa Ode Sarni", "Wa Tole", "Halima"], []),
    "gorontalo": (["Rahmat Abas", "Ismail Mooduto", "Hamzah", "Yusuf"],
                  ["Nurhayati Pakaya", "Sitti Lamato"], []),
    "maluku": (["Johanis", "Abdul", "Marthinus", "Hasan", "Yopi"], ["Ani", "Yohana", "Sarah"],
               ["Latuconsina", "Pattiasina", "Tuhumury", "Sahetapy", "Ohorella", "Wattimena"]),
    "papua": (["Yohanes", "Marthen", "Yakob", "Nikolas", "Elia", "Benyamin"],
              ["Mama Yuliana", "Martha", "Ribka", "Naomi"],
              ["Wenda", "Kogoya", "Tabuni", "Rumbiak", "Rumbewas", "Kambu", "Yoku",
               "Mandowen", "Wanimbo"]),
}

# Share of churches and Hindu/Buddhist temples among places of worship.
WORSHIP = {"12": (0.45, 0.0, 0.05), "31": (0.12, 0.0, 0.06), "51": (0.03, 0.85, 0.02),
           "52": (0.02, 0.08, 0.0), "53": (0.9, 0.0, 0.0), "61": (0.35, 0.0, 0.08),
           "62": (0.25, 0.04, 0.0), "64": (0.12, 0.0, 0.02), "65": (0.3, 0.0, 0.0),
           "71": (0.7, 0.0, 0.02), "72": (0.18, 0.02, 0.0), "81": (0.5, 0.0, 0.0),
           "82": (0.25, 0.0, 0.0), "19": (0.05, 0.0, 0.12), "21": (0.12, 0.0, 0.1),
           "91": (0.85, 0.0, 0.0), "92": (0.6, 0.0, 0.0), "93": (0.7, 0.0, 0.0),
           "94": (0.85, 0.0, 0.0), "95": (0.95, 0.0, 0.0), "96": (0.65, 0.0, 0.0),
           "73": (0.08, 0.0, 0.0), "76": (0.12, 0.0, 0.0), "14": (0.1, 0.0, 0.03),
           "18": (0.04, 0.03, 0.0)}
CHURCH = {"12": ["HKBP", "GKPS", "GBKP", "Gereja Katolik Paroki St. Yosef"],
          "71": ["GMIM Jemaat", "GMIST Jemaat", "Gereja Katolik Paroki Hati Kudus"],
          "53": ["GMIT Jemaat", "Gereja Katolik Paroki St. Yosef", "GKS Jemaat"],
          "81": ["GPM Jemaat", "Gereja Katolik Paroki St. Fransiskus"],
          "82": ["GMIH Jemaat"], "72": ["GKST Jemaat", "GPID Jemaat"],
          "91": ["GKI Jemaat", "Gereja Katolik Paroki Kristus Raja", "GIDI Jemaat"],
          "73": ["Gereja Toraja Jemaat"], "62": ["GKE Jemaat"], "61": ["Gereja Katolik Paroki St. Yosef", "GKII Jemaat"]}
CHURCH_NAMES = ["Sion", "Betlehem", "Efrata", "Imanuel", "Getsemani", "Kalvari", "Elim",
                "Nazaret", "Pniel", "Bukit Zaitun", "Maranatha", "Kanaan"]
MOSQUES = ["Al-Ikhlas", "Nurul Huda", "Al-Muttaqin", "Baiturrahman", "Nurul Iman",
           "Al-Falah", "At-Taqwa", "Babussalam", "Al-Hidayah", "Darussalam", "Al-Amin",
           "Baitul Makmur", "Nurul Yaqin", "Al-Mujahidin", "Jami'"]
POSYANDU = ["Mawar", "Melati", "Anggrek", "Kenanga", "Dahlia", "Cempaka", "Flamboyan", "Tulip"]

VILLAGE_OFFICE = {"11": "Kantor Keuchik", "13": "Kantor Wali Nagari", "51": "Kantor Perbekel",
                  "34": "Kantor Kalurahan", "81": "Kantor Negeri"}


# ---------------------------------------------------------------------------
# Spelling variants of names

JOIN_PREFIXES = ["suka", "sido", "karang", "sumber", "mekar", "marga", "margo", "tegal",
                 "banjar", "wono", "purwo", "tanjung", "sungai", "bumi", "sri", "jati",
                 "pasir", "tanah", "kali", "bojong", "cipta", "giri", "tri", "kota", "batu"]
JOIN_SUFFIXES = ["jaya", "sari", "rejo", "mulyo", "mulya", "harjo", "makmur", "agung",
                 "baru", "asri", "indah", "maju", "dadi", "mukti", "rahayu", "wangi", "karya",
                 "kerto", "kerta", "mulia", "damai", "raya", "lama"]
SUFFIX_WORDS = ["Kota", "Desa", "Pasar", "Induk"]
KEYBOARD = {"a": "sq", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh",
            "h": "gj", "i": "uo", "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm",
            "o": "ip", "p": "o", "r": "et", "s": "ad", "t": "ry", "u": "yi", "w": "qe",
            "y": "tu"}
VOWEL_SWAP = {"a": "e", "e": "a", "i": "e", "o": "u", "u": "o"}


def words(s):
    return s.split()


class Variants:
    """Spelling variants that keep a name's meaning (norm() unchanged), and
    typos that do not."""

    def __init__(self, rng):
        self.rng = rng

    def numbers(self, name):
        """Digits, words or roman numerals the other way than written."""
        rng = self.rng
        toks = re.split(r"(\s+|-)", name)
        out = []
        i = 0
        changed = None
        wl = [t for t in toks]
        # number-word groups (possibly hyphenated: Tiga-puluh-enam)
        while i < len(wl):
            t = wl[i]
            low = t.lower()
            if low in NUM_WORDS or low in ("sepuluh", "sebelas"):
                j = i
                grp = []
                while j < len(wl) and (wl[j].lower() in NUM_WORDS or wl[j].lower() in
                                       ("sepuluh", "sebelas", "belas", "puluh") or
                                       (wl[j] in ("-", " ") and grp)):
                    grp.append(wl[j])
                    j += 1
                while grp and grp[-1] in ("-", " "):
                    grp.pop()
                    j -= 1
                nums = numberise([g.lower() for g in grp if g not in ("-", " ")])
                if all(n.isdigit() for n in nums):
                    if len(nums) == 2:
                        rep = "%s/%s" % tuple(nums) if rng.random() < 0.4 else "-".join(nums)
                    else:
                        rep = " ".join(nums)
                    if len(nums) == 1 and int(nums[0]) <= 12 and i > 0 and rng.random() < 0.2:
                        rep = int_to_roman(int(nums[0]))
                        changed = "num_word_to_roman"
                    else:
                        changed = "num_word_to_digit"
                    out.append(rep)
                    i = j
                    continue
            r = roman_to_int(low) if i > 0 else None
            if r is not None and t.isupper():
                if rng.random() < 0.65 or r > 10:
                    out.append(str(r))
                    changed = "num_roman_to_digit"
                else:
                    out.append(" ".join(int_to_words(r)))
                    changed = "num_roman_to_word"
                i += 1
                continue
            prev = "".join(wl[:i]).split()[-1:] or [""]
            if (t.isdigit() and i > 0 and int(t) <= 12 and
                    prev[0].lower().rstrip(".") not in ("km", "kilometer", "blok", "pal")):
                n = int(t)
                if n <= 12 and rng.random() < 0.4:
                    out.append(int_to_roman(n))
                    changed = "num_digit_to_roman"
                else:
                    out.append(" ".join(int_to_words(n)) if n < 100 else t)
                    changed = "num_digit_to_word"
                i += 1
                continue
            out.append(t)
            i += 1
        s = "".join(out)
        s = re.sub(r"\s+", " ", s).strip()
        return (s, changed) if changed else (name, None)

    def abbreviate(self, name, prov):
        w = words(name)
        first = w[0].lower()
        where = ABBREV_WHERE.get(first, ())
        if first in ABBREV and len(w) > 1 and (where is None or prov in where):
            return " ".join([self.rng.choice(ABBREV[first])] + w[1:]), "abbrev"
        if first.rstrip(".") in ABBREV_BACK and len(w) > 1 and first.rstrip(".") not in ("km",):
            full = ABBREV_BACK[first.rstrip(".")]
            return " ".join([full.capitalize()] + w[1:]), "abbrev_expanded"
        return name, None

    def join_split(self, name):
        w = words(name)
        low = name.lower()
        if len(w) == 2 and "-" not in name:
            a, b = w
            if a.lower() == b.lower():
                return a + b.lower(), "name_joined"
            if a.lower() in JOIN_PREFIXES or b.lower() in JOIN_SUFFIXES:
                return a + b.lower(), "name_joined"
        if len(w) == 1 and "-" not in name:
            for p in JOIN_PREFIXES:
                if low.startswith(p) and len(low) - len(p) >= 3:
                    return name[:len(p)] + " " + name[len(p)].upper() + name[len(p) + 1:], "name_split"
            for sfx in JOIN_SUFFIXES:
                if low.endswith(sfx) and len(low) - len(sfx) >= 3:
                    k = len(name) - len(sfx)
                    return name[:k] + " " + name[k].upper() + name[k + 1:], "name_split"
        return name, None

    def hyphen(self, name):
        m = re.match(r"^(.*?)(\w+)([- ])(\w+)(.*)$", name)
        if "-" in name:
            r = self.rng.random()
            if r < 0.6:
                return name.replace("-", " "), "name_hyphen"
            return re.sub(r"-(\w)", lambda mm: mm.group(1).lower(), name), "name_hyphen"
        if m and m.group(2).lower() == m.group(4).lower():
            return m.group(1) + m.group(2) + "-" + m.group(4) + m.group(5), "name_hyphen"
        return name, None

    def apostrophe(self, name):
        if "'" in name:
            return name.replace("'", ""), "name_apostrophe"
        return name, None

    def typo(self, name, avoid, ctx_keys):
        """One or two edits inside a word of at least five letters, never
        its first letter; rejected when the result is closer to another
        name of the context than to this one, or is itself a known name."""
        rng = self.rng
        true_key = norm(name)
        for _ in range(12):
            s = list(name)
            nedit = 1 if rng.random() < 0.8 else 2
            for _e in range(nedit):
                spans = [(m.start(), m.end()) for m in re.finditer(r"[A-Za-z]{%d,}" % (5 if nedit == 1 else 8), "".join(s))]
                if not spans:
                    return None
                a, b = rng.choice(spans)
                pos = rng.randrange(a + 1, b)
                ch = s[pos].lower()
                op = rng.random()
                if op < 0.4:
                    rep = VOWEL_SWAP.get(ch) if ch in VOWEL_SWAP and rng.random() < 0.6 else None
                    if rep is None:
                        rep = rng.choice(KEYBOARD.get(ch, "aeiou"))
                    s[pos] = rep.upper() if s[pos].isupper() else rep
                elif op < 0.65:
                    del s[pos]
                elif op < 0.85:
                    s.insert(pos, s[pos].lower())
                elif pos + 1 < b:
                    s[pos], s[pos + 1] = s[pos + 1], s[pos]
            t = "".join(s)
            k = norm(t)
            if k == true_key or k in avoid:
                continue
            d_true = levenshtein(k, true_key)
            if d_true > 2:
                continue
            bad = False
            kg = bigrams(k)
            for other in (ctx_keys.get(k[:1], []) if isinstance(ctx_keys, dict) else ctx_keys):
                if other == true_key or other[:1] != k[:1] or abs(len(other) - len(k)) > 2:
                    continue
                # an edit removes at most two bigrams of a string, so strings
                # within d edits share all but 2d of either's distinct bigrams
                og = bigrams(other)
                if len(kg & og) < max(len(kg), len(og)) - 2 * d_true:
                    continue
                if levenshtein(k, other, cap=d_true) <= d_true:
                    bad = True
                    break
            if not bad:
                return t
        return None


def title_if_lower(name):
    return " ".join(w[:1].upper() + w[1:] if w[:1].islower() else w for w in name.split(" "))


# ---------------------------------------------------------------------------
# The book


def pick(rng, options):
    """options: [(value, weight), ...]"""
    tot = sum(w for _, w in options)
    r = rng.random() * tot
    for v, w in options:
        r -= w
        if r < 0:
            return v
    return options[-1][0]


class Book:
    def __init__(self, gaz, geo, seed):
        self.g = gaz
        self.geo = geo
        self.seed = seed
        self.rng = random.Random(seed)
        self.var = Variants(self.rng)
        g = gaz
        self.kec_key = {k: norm(u[0]) for k, u in g.units.items() if u[1] == 3}
        self.by_kec_key = {}
        for k, key in self.kec_key.items():
            self.by_kec_key.setdefault(key, []).append(k)
        self.vil_key = {v: norm(g.name(v)) for v in g.villages}
        self.kab_base = {k: strip_kind(u[0]) for k, u in g.units.items() if u[1] == 2}
        self.kab_of_name = g.kab_by_name
        self.village_ok = [v for v in g.villages if v not in g.missing and geo.has(v)]
        self.in_kec = {}
        for v in g.villages:
            self.in_kec.setdefault(v[:8], []).append(v)
        self.dup_in_kec = set()
        for kec, vs in self.in_kec.items():
            seen = {}
            for v in vs:
                seen.setdefault(self.vil_key[v], []).append(v)
            for key, lst in seen.items():
                if len(lst) > 1:
                    self.dup_in_kec.update(lst)
        self._ok_by_kec = {}
        self._prov_ctx = {}
        self.in_kab = {}
        for v in g.villages:
            self.in_kab.setdefault(v[:5], []).append(v)
        for name in list(REGENCY_ALIASES) + list(OLD_PARENT) + list(OLD_PARENT.values()) + KOTIF:
            if name not in g.kab_by_name:
                raise SystemExit("gen_addrbook: regency '%s' is not in the gazetteer" % name)

    def prov_ctx(self, prov):
        """Village name keys of the whole country (rows need not name their
        province or regency): a typo must stay closer to its own name than
        to any of them."""
        prov = "all"
        if prov not in self._prov_ctx:
            by_first = {}
            for key in sorted(set(self.vil_key.values())):
                by_first.setdefault(key[:1], []).append(key)
            self._prov_ctx[prov] = by_first
        return self._prov_ctx[prov]

    # ---- village features, for labels and for the special draw
    def features(self, v):
        g = self.g
        name = g.name(v)
        toks = tokens(name)
        key = self.vil_key[v]
        f = []
        if any(t.isdigit() or t in NUM_WORDS or t in ("sepuluh", "sebelas", "belas", "puluh")
               for t in toks) or any(roman_to_int(t) for t in toks[1:] if t.isalpha()):
            f.append("v_numeral")
        if toks and (toks[0] in ABBREV or toks[0] in ABBREV_BACK) and len(toks) > 1:
            f.append("v_abbrev_word")
        if toks and toks[0] in UNIT_WORDS and len(toks) > 1:
            f.append("v_unit_word")
        if key == self.kec_key[v[:8]]:
            f.append("v_eq_kec")
        if key == norm(self.kab_base[v[:5]][1]):
            f.append("v_eq_kab")
        w = name.split()
        if len(w) > 1 and w[-1] in SUFFIX_WORDS:
            base = norm(" ".join(w[:-1]))
            if any(self.vil_key[o] == base for o in self.in_kab[v[:5]]):
                f.append("v_suffix_word")
        for o in self.in_kec[v[:8]]:
            ow = self.g.name(o).split()
            if len(ow) > 1 and ow[-1] in SUFFIX_WORDS and norm(" ".join(ow[:-1])) == key:
                f.append("v_suffix_base")
                break
        if "-" in name or re.search(r"\b(\w+)[ -]\1\b", name, re.I):
            f.append("v_redup_hyphen")
        if "'" in name:
            f.append("v_apostrophe")
        same = [o for o in self.g.by_norm[key] if o != v]
        if any(o[:5] == v[:5] for o in same):
            f.append("v_dup_in_kab")
        elif any(o[:2] == v[:2] for o in same):
            f.append("v_dup_in_prov")
        if v[9] == "1":
            f.append("v_kelurahan")
        return f

    # ---- how each level is written
    def village_prefix(self, v):
        prov, kab = v[:2], v[:5]
        kel = v[9] == "1"
        toks = tokens(self.g.name(v))
        if toks and toks[0] in UNIT_WORDS | {"kp", "kampung"}:
            return pick(self.rng, [("", 70), ("Desa" if not kel else "Kel.", 30)]) if toks[0] not in ("desa", "kelurahan") else "", None
        if kel:
            opts = [("Kel.", 40), ("Kelurahan", 15), ("Kel", 5), ("", 40)]
            if prov == "11":
                opts += [("Gampong", 12), ("Gp.", 8)]
            if self.rng.random() < 0.05:
                return pick(self.rng, [("Desa", 3), ("Ds.", 1)]), "prefix_mismatch"
            p = pick(self.rng, opts)
            return p, ("conv_gampong" if p in ("Gampong", "Gp.") else None)
        conv = None
        opts = [("Desa", 35), ("Ds.", 15), ("Ds", 3), ("", 45)]
        if prov == "11":
            opts, conv = [("Gampong", 15), ("Gp.", 20), ("Desa", 15), ("Ds.", 5), ("", 45)], "conv_gampong"
        elif prov == "13":
            opts, conv = [("Nagari", 40), ("Kenagarian", 5), ("Desa", 8), ("", 47)], "conv_nagari"
        elif prov == "34":
            opts, conv = [("Kalurahan", 25), ("Desa", 35), ("Ds.", 5), ("", 35)], "conv_kalurahan"
        elif kab == "15.08":
            opts, conv = [("Dusun", 30), ("Desa", 30), ("", 40)], "conv_dusun_village"
        elif kab in ("18.04", "18.06", "18.10", "18.13"):
            opts, conv = [("Pekon", 40), ("Desa", 20), ("", 40)], "conv_pekon"
        elif kab == "18.12":
            opts, conv = [("Tiyuh", 40), ("Desa", 20), ("", 40)], "conv_tiyuh"
        elif kab in ("18.02", "18.05", "18.08", "14.08", "64.03", "64.07", "64.11") or prov in ("91", "92", "93", "94", "95", "96"):
            opts, conv = [("Kampung", 45), ("Kp.", 5), ("Desa", 15), ("", 35)], "conv_kampung"
        elif kab in ("73.18", "73.26"):
            opts, conv = [("Lembang", 45), ("Desa", 10), ("", 45)], "conv_lembang"
        elif kab in ("81.01", "81.05", "81.06", "81.71"):
            opts, conv = [("Negeri", 35), ("Desa", 25), ("", 40)], "conv_negeri"
        elif kab in ("81.02", "81.72"):
            opts, conv = [("Ohoi", 40), ("Desa", 20), ("", 40)], "conv_ohoi"
        elif prov == "51":
            opts = [("Desa", 45), ("Ds.", 8), ("Desa Dinas", 7), ("", 40)]
        if self.rng.random() < 0.04:
            return pick(self.rng, [("Kel.", 3), ("Kelurahan", 1)]), "prefix_mismatch"
        p = pick(self.rng, opts)
        if p in ("Desa", "Ds.", "Ds", "") and conv not in ("conv_kampung",):
            conv = "conv_desa_dinas" if p == "Desa Dinas" else None
        if p == "Desa Dinas":
            conv = "conv_desa_dinas"
        if conv == "conv_kampung" and p not in ("Kampung", "Kp."):
            conv = None
        return p, conv

    def kec_prefix(self, v):
        prov, kab = v[:2], v[:5]
        if prov in ("91", "92", "93", "94", "95", "96"):
            p = pick(self.rng, [("Distrik", 65), ("Dist.", 5), ("Kec.", 10), ("", 20)])
            return p, ("conv_distrik" if p.startswith("Dist") else None)
        opts = [("Kec.", 45), ("Kecamatan", 20), ("Kec", 7), ("", 28)]
        if prov == "34":
            opts.append(("Kemantren" if kab == "34.71" else "Kapanewon", 20))
        p = pick(self.rng, opts)
        return p, ({"Kemantren": "conv_kemantren", "Kapanewon": "conv_kapanewon"}.get(p))

    def kab_form(self, v, allow_old=True):
        """(written text, kind for resolution, base for resolution, labels)"""
        rng = self.rng
        kab = v[:5]
        off = self.g.name(kab)
        kind, base = self.kab_base[kab]
        labels = []
        if allow_old and off in OLD_PARENT and rng.random() < 0.2:
            par = OLD_PARENT[off]
            pk, pb = strip_kind(par)
            pre = pick(rng, [("Kab. ", 45), ("Kabupaten ", 25), ("", 30)]) if pk == "kab" else pick(rng, [("Kota ", 60), ("", 40)])
            return pre + pb, (pk if pre else "any"), pb, ["old_parent"]
        aliases = REGENCY_ALIASES.get(off, [])
        if aliases and rng.random() < 0.15:
            a = rng.choice(aliases)
            if a.startswith("Kab. "):
                return a, "any", a, ["kab_abbrev"]
            if norm(a) == norm(base) or norm(a).startswith("jakarta"):
                return a, "any", a, ["kab_name_variant"]
            pre = ""
            if rng.random() < 0.3 and len(a) > 4:
                pre = "Kab. " if kind == "kab" else "Kota "
            return pre + a, "any", a, ["kab_abbrev"]
        b = base
        b2, lab = self.var.join_split(b) if rng.random() < 0.1 else (b, None)
        if lab and norm(b2) == norm(b):
            b, labels = b2, labels + ["kab_name_variant"]
        if kind == "kab":
            if off.startswith("Kabupaten Administrasi"):
                pre = pick(rng, [("Kab. Adm. ", 30), ("Kabupaten Administrasi ", 20), ("Kab. ", 20), ("", 30)])
            else:
                pre = pick(rng, [("Kab. ", 40), ("Kabupaten ", 20), ("Kab ", 8), ("", 28), ("Kab. Dati II ", 1.5), ("KAB. ", 3)])
            if pre == "":
                labels.append("kab_noprefix")
            if "Dati" in pre:
                labels.append("dati2")
            return pre + b, ("kab" if pre else "any"), b, labels
        if off.startswith("Kota Administrasi"):
            pre = pick(rng, [("", 40), ("Kota Administrasi ", 12), ("Kota Adm. ", 12), ("Kota ", 16), ("Jakarta ", 0)])
            if pre == "":
                labels.append("kab_noprefix")
            return pre + b, ("kota" if pre else "any"), b, labels
        opts = [("Kota ", 55), ("", 27), ("Kodya ", 6), ("Kotamadya ", 4), ("Kota Madya ", 2)]
        if off in KOTIF:
            opts.append(("Kotif ", 3))
        pre = pick(rng, opts)
        if pre == "":
            labels.append("kab_noprefix")
        elif pre.strip() in ("Kodya", "Kotamadya", "Kota Madya"):
            labels.append("kodya")
        elif pre.strip() == "Kotif":
            labels.append("kotif")
        return pre + b, ("kota" if pre else "any"), b, labels

    def prov_form(self, v):
        rng = self.rng
        prov = v[:2]
        info = PROVINCES[prov]
        if info.get("old") and rng.random() < 0.25:
            name, codes = rng.choice(info["old"])
            return name, set(codes), ["old_province"]
        if rng.random() < 0.4:
            full = self.g.name(prov)
            if prov == "31":
                full = "DKI Jakarta"
            pre = pick(rng, [("", 70), ("Prov. ", 20), ("Provinsi ", 10)])
            return pre + full, {prov}, ["prov_full"]
        s = rng.choice(info["short"])
        return s, {prov}, ["prov_abbrev"]

    def postal(self, v):
        h = int(hashlib.sha256(v[:8].encode()).hexdigest(), 16)
        pre = POSTAL_PREFIX[v[:2]][h % len(POSTAL_PREFIX[v[:2]])]
        return "%s%03d" % (pre, (h >> 8) % 1000)

    # ---- variants of a place name as written
    def write_name(self, name, labels, ctx_keys, what, typo_p, prov):
        """A spelling of a place name: variants (meaning unchanged), then
        maybe a typo. Returns (written, clean): clean is the spelling
        before the typo, which a careful reader would restore."""
        rng = self.rng
        s = title_if_lower(name)
        for fn, p in ((self.var.numbers, 0.6), (lambda x: self.var.abbreviate(x, prov), 0.3),
                      (self.var.join_split, 0.2), (self.var.hyphen, 0.45),
                      (self.var.apostrophe, 0.6)):
            if rng.random() < p:
                t, lab = fn(s)
                if lab and norm(t) == norm(name):
                    s = t
                    labels.append(lab if what == "desa" else lab + "_" + what)
        clean = s
        if typo_p and rng.random() < typo_p and len(re.sub(r"[^A-Za-z]", "", s)) >= 5:
            t = self.var.typo(s, self.g.known_keys, ctx_keys)
            if t:
                labels.append("typo_" + what)
                s = t
        return s, clean

    # ---- the parts of an address below the village
    def hamlet(self, v, labels):
        rng = self.rng
        grp = GROUP[v[:2]]
        r = rng.random()
        if r < 0.12:
            others = [o for o in self.in_kec[v[:8]] if o != v]
            if others:
                labels.append("subvillage_named_village")
                return title_if_lower(self.g.name(rng.choice(others)))
        if r < 0.35 or not HAMLETS.get(grp):
            n = rng.randint(1, 6)
            return int_to_roman(n) if rng.random() < 0.6 else str(n)
        h = rng.choice(HAMLETS[grp])
        if norm(h) in self.g.names_in_kab[v[:5]]:
            labels.append("subvillage_named_village")
        return h

    def rtrw(self, java):
        rng = self.rng
        rt, rw = rng.randint(1, 15), rng.randint(1, 9)
        if not java and rng.random() < 0.5:
            return pick(rng, [("RT %02d" % rt, 3), ("RT. %03d" % rt, 2), ("Rt.%d" % rt, 1)])
        return pick(rng, [("RT %02d/RW %02d" % (rt, rw), 4), ("RT. %03d RW. %03d" % (rt, rw), 3),
                          ("RT %d RW %d" % (rt, rw), 2), ("RT/RW %03d/%03d" % (rt, rw), 2),
                          ("Rt.%02d Rw.%02d" % (rt, rw), 1), ("RT %02d / RW %02d" % (rt, rw), 1),
                          ("RT.%03d/RW.%03d" % (rt, rw), 1)])

    def street(self, v, labels):
        rng = self.rng
        grp = GROUP[v[:2]]
        r = rng.random()
        if r < 0.12:
            labels.append("street_placename")
            if rng.random() < 0.5:
                others = [o for o in self.in_kab[v[:5]] if o[:8] != v[:8]]
                nm = title_if_lower(self.g.name(rng.choice(others))) if others else rng.choice(PLACE_STREETS)
                if rng.random() < 0.7:
                    nm = self.var.numbers(nm)[0]
                s = pick(rng, [("Raya ", 3), ("Poros ", 1), ("", 2)]) + nm
            else:
                s = rng.choice(PLACE_STREETS)
        elif r < 0.45 and grp in STREETS_REGIONAL:
            s = rng.choice(STREETS_REGIONAL[grp])
        else:
            s = rng.choice(STREETS)
        pre = pick(rng, [("Jl. ", 60), ("Jl ", 12), ("Jalan ", 18), ("JL. ", 5), ("Jln. ", 5)])
        out = pre + s
        if rng.random() < 0.55 and "Km" not in s:
            n = rng.randint(1, 150)
            out += pick(rng, [(" No. %d" % n, 5), (" No %d" % n, 2), (" no. %d" % n, 1),
                              (" Nomor %d" % n, 1), (" No.%d%s" % (n, rng.choice("ABC")), 1)])
        return out

    def street_bits(self, v, kind, labels):
        """Street, lane, sub-village and RT/RW parts, by regional habit."""
        rng = self.rng
        prov, kab = v[:2], v[:5]
        kota = int(v[3:5]) >= 71
        urban = v[9] == "1" or kota
        java = prov in ("31", "32", "33", "34", "35", "36")
        bits = []
        if rng.random() < (0.65 if urban else 0.4):
            bits.append(self.street(v, labels))
        if urban and rng.random() < (0.3 if kind == "client" else 0.15):
            if kab == "16.71" or prov in ("73", "74") and rng.random() < 0.6:
                bits.append(pick(rng, [("Lr. ", 3), ("Lorong ", 2)]) + rng.choice(GANGS))
                labels.append("conv_lorong")
            else:
                bits.append(pick(rng, [("Gg. ", 4), ("Gang ", 2)]) + rng.choice(GANGS) +
                            (" %s" % int_to_roman(rng.randint(1, 4)) if rng.random() < 0.2 else ""))
                labels.append("conv_gang")
        if urban and kind == "client" and rng.random() < 0.15:
            bits.append("%s Blok %s%d No. %d" % (rng.choice(PERUM), rng.choice("ABCDEFG"),
                                                  rng.randint(1, 12), rng.randint(1, 40)))
            labels.append("conv_perumahan")
        sub = None
        kel = v[9] == "1"
        lingk = prov in ("51", "12", "52", "71", "72", "73", "74", "75", "76")
        if (not urban or (not kel and rng.random() < 0.3) or (kel and lingk and rng.random() < 0.4)) \
                and rng.random() < 0.6:
            sub = self.subvillage(v, labels)
        if sub:
            bits.append(sub)
        p_rt = 0.55 if java or urban else 0.25
        if prov == "51":
            p_rt = 0.08
        if prov >= "91" and not urban:
            p_rt = 0.1
        if rng.random() < p_rt:
            bits.append(self.rtrw(java))
            labels.append("rt_rw")
        return bits

    def subvillage(self, v, labels):
        rng = self.rng
        prov, kab = v[:2], v[:5]
        if kab == "15.08":
            return None
        kel = v[9] == "1"
        kota = int(v[3:5]) >= 71
        h = self.hamlet(v, labels)
        if prov == "51":
            if kel:
                labels.append("conv_lingkungan")
                return pick(rng, [("Lingkungan ", 3), ("Br. ", 2), ("Banjar ", 1)]) + h
            labels.append("conv_banjar")
            return pick(rng, [("Br. ", 40), ("Banjar ", 20), ("Br. Dinas ", 10), ("Banjar Dinas ", 10),
                              ("Bjr. ", 5), ("Br ", 5)]) + h
        if prov == "13" and not kota:
            if kab == "13.05":
                labels.append("conv_korong")
                return "Korong " + h
            labels.append("conv_jorong")
            return pick(rng, [("Jorong ", 5), ("Jr. ", 1)]) + h
        if prov == "11":
            labels.append("conv_dusun")
            return pick(rng, [("Dusun ", 5), ("Dsn. ", 2), ("Lorong ", 1), ("Jurong ", 1)]) + h
        if prov == "12" and kel:
            labels.append("conv_lingkungan")
            return pick(rng, [("Lingkungan ", 3), ("Lingk. ", 2), ("Ling. ", 1)]) + int_to_roman(rng.randint(1, 12))
        if prov == "12" and kab in ("12.01", "12.02", "12.03", "12.12", "12.16", "12.17", "12.08", "12.21", "12.20"):
            if rng.random() < 0.5:
                labels.append("conv_huta")
                hh = rng.choice(HAMLETS["sumut"])
                return hh if hh.startswith("Huta") else "Huta " + hh
        if prov == "33" and kab in ("33.01", "33.02", "33.03", "33.04") and rng.random() < 0.6:
            labels.append("conv_grumbul")
            return "Grumbul " + h
        if prov == "33":
            labels.append("conv_dukuh")
            return pick(rng, [("Dukuh ", 4), ("Dk. ", 2), ("Dusun ", 2)]) + h
        if prov == "34":
            labels.append("conv_padukuhan")
            return pick(rng, [("Padukuhan ", 3), ("Pedukuhan ", 2), ("Dusun ", 3)]) + h
        if prov in ("32", "36"):
            if kab in ("32.09", "32.10", "32.12") and rng.random() < 0.6:
                labels.append("conv_blok")
                return "Blok " + rng.choice(["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
                                             "Minggu", "Pon", "Wage", "Kliwon", "Manis", "Pahing"])
            labels.append("conv_kampung_hamlet")
            return pick(rng, [("Kp. ", 5), ("Kampung ", 2), ("Dusun ", 2), ("Dsn. ", 1)]) + h
        if prov == "71" and kab in ("71.02", "71.05", "71.06", "71.07", "71.71", "71.72", "71.73"):
            if kel:
                labels.append("conv_lingkungan")
                return pick(rng, [("Lingkungan ", 3), ("Ling. ", 1)]) + int_to_roman(rng.randint(1, 8))
            labels.append("conv_jaga")
            n = rng.randint(1, 10)
            return "Jaga " + (int_to_roman(n) if rng.random() < 0.6 else str(n))
        if prov == "71" and kab in ("71.03", "71.04", "71.09"):
            labels.append("conv_lindongan")
            return "Lindongan " + int_to_roman(rng.randint(1, 6))
        if prov == "52" and kel:
            labels.append("conv_lingkungan")
            return pick(rng, [("Lingkungan ", 3), ("Lingk. ", 2)]) + h
        if kel:
            labels.append("conv_lingkungan")
            return "Lingkungan " + h
        if prov >= "91":
            if kel or rng.random() < 0.5:
                return None
            labels.append("conv_kompleks")
            return rng.choice(HAMLETS["papua"])
        labels.append("conv_dusun")
        return pick(rng, [("Dusun ", 6), ("Dsn. ", 3), ("Dsn ", 1)]) + h

    def landmark(self, v, labels, may_name_place):
        rng = self.rng
        where = rng.choice(["samping", "belakang", "depan", "dekat", "sebelah", "seberang",
                            "utara", "selatan", "sebelah timur", "sebelah barat", "Samping", "Depan"])
        if may_name_place and rng.random() < 0.3:
            others = [o for o in self.in_kec[v[:8]] if o != v]
            if others:
                labels.append("landmark_placename")
                o = title_if_lower(self.g.name(rng.choice(others)))
                thing = rng.choice(["Pasar ", "SDN 1 ", "Puskesmas ", "Kantor Desa ", "Masjid Raya ",
                                    "Lapangan "]) + o
                labels.append("landmark")
                return where + " " + thing
        thing = rng.choice(["Masjid Raya", "Kantor Desa", "SD Negeri 1", "Pasar", "Puskesmas",
                            "Lapangan Bola", "Kantor Camat", "Jembatan", "Pertigaan", "Pos Kamling",
                            "Polsek", "Koramil", "SPBU", "Balai Desa", "Gereja", "Musholla"])
        labels.append("landmark")
        return where + " " + thing

    # ---- what a careful reader makes of the text
    def resolve(self, vil_clean, kec_clean, kab_written, prov_sets):
        """Villages that fit the written text. vil_clean: village spellings
        (typos restored); kec_clean: district spellings; kab_written:
        [(kind, base)]; prov_sets: [set of province codes]. A level that
        fits none of the candidates is taken as a mistake and ignored."""
        g = self.g
        kab_sets = [g.kab_codes(k, b) for k, b in kab_written]
        kec_keys = {norm(re.sub(r"^(kecamatan|kec\.?|distrik|dist\.|kapanewon|kemantren)\s+", "", k, flags=re.I))
                    for k in kec_clean}

        def restrict(c, pred):
            f = [x for x in c if pred(x)]
            return f if f else c

        if vil_clean:
            keys = set()
            for s in vil_clean:
                keys |= readings(s)
            cands = sorted({v for k in keys for v in g.by_norm.get(k, [])})
        else:
            kecs = sorted({k for key in kec_keys for k in self.by_kec_key.get(key, [])})
            for s in kab_sets:
                kecs = restrict(kecs, lambda k: k[:5] in s)
            for s in prov_sets:
                kecs = restrict(kecs, lambda k: k[:2] in s)
            if kecs:
                cands = [v for k in kecs for v in self.in_kec.get(k, [])]
            else:
                cands = [v for s in kab_sets for k in sorted(s) for v in self.in_kab.get(k, [])]
        for s in kab_sets:
            cands = restrict(cands, lambda x: x[:5] in s)
        for s in prov_sets:
            cands = restrict(cands, lambda x: x[:2] in s)
        if kec_keys:
            cands = restrict(cands, lambda x: self.kec_key[x[:8]] in kec_keys)
        return cands

    @staticmethod
    def level_of(cands):
        if len(cands) == 1:
            return "village"
        if not cands:
            return "none"
        for n, lev in ((8, "district"), (5, "regency"), (2, "province")):
            if len({c[:n] for c in cands}) == 1:
                return lev
        return "none"

    # ---- one address (alamat + columns)
    def compose(self, v, kind, mode):
        """mode: 'normal' (the text must name v and only v), 'ambig_kab'
        (name twice in the regency, district left out), 'ambig_kec' (name
        twice in the district), 'rt_only' (no village written anywhere).
        Returns a dict, or None when the mode cannot be met for v."""
        for attempt in range(8):
            r = self._compose_once(v, kind, mode, attempt)
            if r is not None:
                return r
        return None

    def _compose_once(self, v, kind, mode, attempt):
        rng = self.rng
        g = self.g
        labels = []
        prov, kab, kec = v[:2], v[:5], v[:8]
        kab_ctx = self.prov_ctx(prov)
        # which levels are written, and where
        has = {"vil": mode != "rt_only",
               "kec": rng.random() < 0.78 and mode != "ambig_kab",
               "kab": rng.random() < 0.75 or mode in ("ambig_kab", "ambig_kec"),
               "prov": rng.random() < 0.22}
        if mode == "ambig_kec":
            has["kec"] = True
        if mode == "rt_only":
            has["kec"] = True
        use_cols = rng.random() < 0.45
        cols = {"desa": use_cols and rng.random() < 0.85 and mode != "rt_only",
                "kec": use_cols and rng.random() < 0.7 and mode != "ambig_kab",
                "kab": use_cols and rng.random() < 0.7}
        only_cols = use_cols and rng.random() < 0.3
        rt_only = False
        if mode == "normal" and rng.random() < 0.015:
            rt_only = True                     # alamat is RT/RW (and maybe more), village in the column
            cols["desa"] = True
            labels.append("rt_rw_only")
        wrong_kec = (mode == "normal" and rng.random() < 0.025 and attempt < 4)
        nocomma = rng.random() < 0.07
        if nocomma and (set(self.features(v)) & {"v_suffix_word", "v_suffix_base"}):
            # "Kel. Tanjung Balai Kota Karimun": is Kota part of the name?
            nocomma = False

        # the village
        vlab = []
        pre, conv = self.village_prefix(v)
        if conv == "prefix_mismatch" and mode != "normal":
            pre, conv = self.default_prefix(v)
        if nocomma and not pre:
            pre, conv = self.default_prefix(v)
        if conv:
            labels.append(conv)
        vname, vclean = self.write_name(g.name(v), vlab, kab_ctx, "desa", 0.08, prov)
        vil_text = (pre + " " + vname).strip()
        # the district
        kec_name = g.name(kec)
        klab = []
        kpre, kconv = self.kec_prefix(v)
        if mode == "rt_only" and not kpre:
            # a bare district name could be read as a village of that name
            kpre, kconv = ("Distrik", "conv_distrik") if prov >= "91" else ("Kec.", None)
        if nocomma and not kpre and rng.random() < 0.8:
            kpre, kconv = ("Distrik", "conv_distrik") if prov >= "91" else ("Kec.", None)
        if kconv:
            klab.append(kconv)
        if wrong_kec:
            nb = self.neighbour_kec(v) if rng.random() < 0.99 else None
            if nb is None:
                wrong_kec = False
            else:
                kec_name = g.name(nb)
        kec_ctx = sorted({self.kec_key[k] for k in g.children.get(kab, [])})
        kname, kclean = self.write_name(kec_name, klab, kec_ctx, "kec", 0.06, prov)
        kec_text = (kpre + " " + kname).strip()
        if kpre == "":
            klab.append("kec_noprefix")
        # the regency
        kab_text, kab_kind, kab_base, kablab = self.kab_form(v)
        if "old_parent" not in kablab and "kab_abbrev" not in kablab and rng.random() < 0.05:
            b2 = self.var.typo(kab_base, g.known_keys, sorted({kk[1] for kk in g.kab_keys}))
            if b2:
                kab_text = kab_text[: len(kab_text) - len(kab_base)] + b2
                kablab.append("typo_kab")
        prov_text, prov_set, provlab = self.prov_form(v)

        # columns
        col = {"desa_kelurahan": "", "kecamatan": "", "kabupaten_kota": ""}
        collab = []
        if cols["desa"]:
            clab = []
            cn, cc = self.write_name(g.name(v), clab, kab_ctx, "desa", 0.05, prov)
            cpre = pick(rng, [("", 60), (pre, 25), ("Desa " if v[9] == "2" else "Kel. ", 15)]).strip()
            col["desa_kelurahan"] = (cpre + " " + cn).strip()
            if "typo_desa" in clab:
                collab.append("col_typo")
            col_desa_clean = (cpre + " " + cc).strip()
        if cols["kec"]:
            ck = self.write_name(kec_name, [], kec_ctx, "kec", 0.0, prov)[0]
            col["kecamatan"] = pick(rng, [("", 55), ("Kec. ", 30), ("Kecamatan ", 10), ("Distrik " if prov >= "91" else "Kec ", 5)]) + ck
        if cols["kab"]:
            t, kk, kb, kl = self.kab_form(v, allow_old=True)
            col["kabupaten_kota"] = t
            if "old_parent" in kl:
                collab.append("col_old_parent")
            col_kab = (kk, kb)
        for c in col:
            if col[c] and rng.random() < 0.12:
                col[c] = col[c].upper()
        if any(col.values()):
            collab.append("cols_filled")

        # which levels the alamat keeps
        if only_cols:
            if cols["kec"]:
                has["kec"] = False
            if cols["kab"]:
                has["kab"] = False
            if cols["desa"] and rng.random() < 0.3:
                has["vil"] = False
                collab.append("village_only_in_col")
        if rt_only:
            has["vil"] = False
        if mode == "ambig_kab":
            has["kec"] = False
        # the careful reader; put levels back while the text is ambiguous
        restored = []
        while True:
            vc = []
            if has["vil"]:
                vc.append(pre + " " + vclean if pre else vclean)
            if col["desa_kelurahan"]:
                vc.append(col_desa_clean)
            kc = ([kclean] if has["kec"] else []) + ([kec_name] if col["kecamatan"] else [])
            kw = ([(kab_kind, kab_base)] if has["kab"] else []) + ([col_kab] if col["kabupaten_kota"] else [])
            ps = [prov_set] if has["prov"] else []
            cands = self.resolve(vc, kc, kw, ps)
            if mode == "normal":
                if cands == [v]:
                    break
                if v not in cands:
                    return None
                for lev in ("kec", "kab", "prov"):
                    if not has[lev] and not (lev == "kec" and col["kecamatan"]) and not (lev == "kab" and col["kabupaten_kota"]):
                        has[lev] = True
                        restored.append(lev)
                        break
                else:
                    return None
                continue
            if mode in ("ambig_kab", "ambig_kec"):
                if v in cands and len(cands) > 1 and len(cands) <= 4:
                    break
                return None
            if mode == "rt_only":
                if v in cands and len(cands) > 1:
                    break
                return None
        if restored:
            labels.append("context_restored")
        if wrong_kec and (has["kec"] or col["kecamatan"]):
            labels.append("wrong_kec_redistrict")
        if has["vil"]:
            labels += vlab
        if has["kec"]:
            labels += klab
        if has["kab"]:
            labels += kablab
        if has["prov"]:
            labels += provlab
        labels += collab
        if not has["kec"] and not col["kecamatan"]:
            labels.append("missing_kec")
        if not has["kab"] and not col["kabupaten_kota"]:
            labels.append("missing_kab")
        if not has["kec"] and col["kecamatan"]:
            labels.append("kec_only_in_col")
        if not has["kab"] and col["kabupaten_kota"]:
            labels.append("kab_only_in_col")

        # the alamat
        parts = []
        street = [] if rt_only else self.street_bits(v, kind, labels)
        if rt_only or mode == "rt_only":
            street = [self.rtrw(prov in ("31", "32", "33", "34", "35", "36"))]
            if "rt_rw_only" not in labels:
                labels.append("rt_rw_only")
        lm = self.landmark(v, labels, not nocomma) if rng.random() < (0.15 if kind == "site" else 0.04) and not rt_only else None
        extra = []
        if prov == "11" and has["vil"] and rng.random() < 0.12:
            others = [o for o in self.in_kec[kec] if o != v]
            if others:
                extra.append("Mukim " + title_if_lower(g.name(rng.choice(others))))
                labels += ["conv_mukim", "mukim_named_village"]
        if prov == "51" and v[9] == "2" and has["vil"] and rng.random() < 0.25:
            dap = pick(rng, [("Desa Adat ", 5), ("Desa Pakraman ", 2), ("DA ", 1)])
            others = [o for o in self.in_kec[kec] if o != v]
            if pre and others and rng.random() < 0.3:
                extra.append(dap + title_if_lower(g.name(rng.choice(others))))
                labels += ["conv_desa_adat", "adat_other_village"]
            else:
                extra.append(dap + title_if_lower(g.name(v)))
                labels.append("conv_desa_adat")
        # another place's name in a hamlet, landmark, desa adat or mukim: the
        # village itself is then written in the alamat, with its prefix, so
        # a reader can tell which name is the village
        if set(labels) & {"subvillage_named_village", "landmark_placename", "adat_other_village",
                          "mukim_named_village"} and not rt_only and mode != "rt_only":
            if not pre:
                pre, conv = self.default_prefix(v)
                if conv:
                    labels.append(conv)
            if not has["vil"]:
                has["vil"] = True
                if "village_only_in_col" in labels:
                    labels.remove("village_only_in_col")
                labels += [l for l in vlab if l not in labels]
            vil_text = (pre + " " + vname).strip()
        # "Takalar, 92203" may mean the regency; "Cibadak, Sukabumi" the
        # district: a village named like its district or regency, written
        # bare, gets its prefix unless that district or regency is written too
        if has["vil"] and not pre:
            f = self.features(v)
            if ("v_eq_kec" in f and not (has["kec"] or col["kecamatan"])) or \
                    ("v_eq_kab" in f and not (has["kab"] or col["kabupaten_kota"])):
                pre, conv = self.default_prefix(v)
                if conv:
                    labels.append(conv)
                vil_text = (pre + " " + vname).strip()
        if nocomma:
            labels.append("no_commas")
        admin = []
        if has["vil"]:
            admin.append(vil_text)
            admin += extra
        if has["kec"]:
            admin.append(kec_text)
        if has["kab"]:
            admin.append(kab_text)
        if has["prov"]:
            admin.append(prov_text)
        if rng.random() < 0.1:
            pc = self.postal(v)
            labels.append("postal_code")
            pcs = pick(rng, [(pc, 5), ("Kode Pos " + pc, 2), ("KP " + pc, 1), ("glued", 2)])
            if pcs == "glued" and admin:
                admin[-1] = admin[-1] + " " + pc
            else:
                admin.append(pcs if pcs != "glued" else pc)
        head = street + ([lm] if lm else [])
        r = rng.random()
        if r < 0.04 and len(admin) > 1 and has["vil"] and has["kec"] and kec_text in admin:
            i = admin.index(kec_text)
            admin.insert(0, admin.pop(i))
            parts = head + admin
            labels.append("swapped_order")
        elif r < 0.07 and len(admin) > 1:
            parts = list(reversed(admin)) + head
            labels.append("swapped_order")
        elif r < 0.09 and head and admin:
            parts = admin + head
            labels.append("swapped_order")
        else:
            parts = head + admin
        if nocomma:
            sep = " "
        else:
            sep = pick(rng, [(", ", 80), (",", 8), (" - ", 5), (" , ", 2)])
        alamat = sep.join(p for p in parts if p)
        r = rng.random()
        if r < 0.07:
            alamat = alamat.upper()
            labels.append("caps")
        elif r < 0.09:
            alamat = alamat.lower()
            labels.append("lower")
        if rng.random() < 0.03:
            alamat = alamat.replace(" ", "  ", 1 + rng.randrange(2)).replace(",", " ,", 1)
            labels.append("extra_spaces")
        level = self.level_of(cands)
        return {"alamat": alamat, "cols": col, "labels": labels, "cands": cands,
                "level": level}

    def default_prefix(self, v):
        """The plain prefix of the village's kind, in its region's word."""
        if v[9] == "1":
            return "Kel.", None
        for _ in range(20):
            p, conv = self.village_prefix(v)
            if p and conv != "prefix_mismatch":
                return p, conv
        return "Desa", None

    def neighbour_kec(self, v):
        """A district of the same regency bordering v, older (lower code)
        than v's own: the district v was in before it was split off."""
        polys, bbox = self.geo.polys(v)
        if not bbox:
            return None
        e = 0.003
        ids = [r[0] for r in self.geo.db.execute(
            "SELECT id FROM rtree_desa_geom WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?",
            (bbox[0] - e, bbox[2] + e, bbox[1] - e, bbox[3] + e))]
        kecs = sorted({self.geo.kode_of[i][:8] for i in ids
                       if self.geo.kode_of[i][:5] == v[:5] and self.geo.kode_of[i][:8] < v[:8]})
        if not kecs:
            return None
        return self.rng.choice(kecs)

    # ---- coordinates
    def fmt_coord(self, lat, lon, fmt):
        """The cell text, and the point it means when read correctly."""
        rng = self.rng
        if fmt in ("dec", "dec_space", "maplink"):
            n = rng.choice([4, 5, 5, 6, 6, 7]) if fmt != "maplink" else 7
            la, lo = round(lat, n), round(lon, n)
            a, b = "%.*f" % (n, la), "%.*f" % (n, lo)
            if fmt == "maplink":
                return "https://maps.google.com/?q=%s,%s" % (a, b), la, lo
            if fmt == "dec_space":
                return "%s %s" % (a, b), la, lo
            return pick(rng, [(", ", 6), (",", 2), (" , ", 1), ("; ", 1)]).join((a, b)), la, lo
        if fmt == "dec_comma":
            n = rng.choice([4, 5, 6])
            la, lo = round(lat, n), round(lon, n)
            a, b = ("%.*f" % (n, la)).replace(".", ","), ("%.*f" % (n, lo)).replace(".", ",")
            return pick(rng, [("; ", 3), (" ", 2), (" / ", 1)]).join((a, b)), la, lo
        if fmt == "dms":
            nd = rng.choice([0, 1, 2])
            deg = pick(rng, [("\u00b0", 8), ("\u00ba", 2)])

            def dms(x):
                t = round(abs(x) * 3600, nd)
                d, rem = divmod(t, 3600)
                m, s = divmod(rem, 60)
                return int(d), int(m), s, (int(d) + int(m) / 60 + s / 3600) * (1 if x >= 0 else -1)
            d1, m1, s1, la = dms(lat)
            d2, m2, s2, lo = dms(lon)
            ss = lambda s: ("%.*f" % (nd, s)) if nd else "%d" % round(s)
            if rng.random() < 0.6:
                h1 = "LS" if lat < 0 else "LU"
                return "%d%s%d'%s\" %s %d%s%d'%s\" BT" % (d1, deg, m1, ss(s1), h1, d2, deg, m2, ss(s2)), la, lo
            h1 = "S" if lat < 0 else "N"
            return "%d%s%d'%s\"%s %d%s%d'%s\"E" % (d1, deg, m1, ss(s1), h1, d2, deg, m2, ss(s2)), la, lo
        if fmt == "ddm":
            def ddm(x):
                mins = round(abs(x) * 60, 3)
                d, m = divmod(mins, 60)
                return int(d), m, (int(d) + m / 60) * (1 if x >= 0 else -1)
            d1, m1, la = ddm(lat)
            d2, m2, lo = ddm(lon)
            return "%s%d %06.3f E%d %06.3f" % ("S" if lat < 0 else "N", d1, m1, d2, m2), la, lo
        raise ValueError(fmt)

    def coordinate(self, v, want, labels, row_sample, text_names_v):
        """The koordinat cell and its truth. want: probability of a cell.
        A point outside v (near its edge or far) is written only when the
        text names v: otherwise nothing would say the point is wrong."""
        rng = self.rng
        empty = {"cell": "", "coord_kind": "none", "coord_lat": "", "coord_lon": "",
                 "coord_dist_m": "", "coord_kode": ""}
        if rng.random() >= want:
            return empty
        kind = pick(rng, [("inside", 78), ("near_border_outside_m", 8), ("swapped", 5),
                          ("missing_minus", 4), ("wrong_far", 5)])
        if not text_names_v and kind in ("near_border_outside_m", "wrong_far"):
            kind = "inside"
        fmt = pick(rng, [("dec", 62), ("dec_comma", 12), ("dms", 15), ("ddm", 4),
                         ("maplink", 3), ("dec_space", 4)])
        out = dict(empty)
        if kind == "near_border_outside_m":
            p = self.geo.point_outside_near(rng, v)
            if p is None:
                kind = "inside"
            else:
                x, y, d = p
                cell, la, lo = self.fmt_coord(y, x, "dec" if fmt in ("ddm", "maplink") else fmt)
                d = dist_to_rings(self.geo.polys(v)[0], lo, la)
                if self.geo.contains(v, lo, la) or d < 45:
                    kind = "inside"
                else:
                    out.update(cell=cell, coord_kind=kind, coord_lat="%.7f" % la, coord_lon="%.7f" % lo,
                               coord_dist_m="%.0f" % d, coord_kode=";".join(self.geo.villages_at(lo, la)))
                    labels += ["coord_" + fmt, "coord_near_border"]
                    return out
        if kind == "wrong_far":
            others = [o for o in row_sample if o[:5] != v[:5] and o[:2] == v[:2]] or \
                     [o for o in row_sample if o[:8] != v[:8] and o[:2] == v[:2]]
            p = None
            if others:
                o = rng.choice(sorted(set(others)))
                p = self.geo.point_inside(rng, o)
            if p is None:
                out.update(cell="0, 0", coord_kind="wrong_far", coord_lat="0.0000000",
                           coord_lon="0.0000000", coord_kode="")
                labels += ["coord_zero"]
                return out
            x, y = p
            cell, la, lo = self.fmt_coord(y, x, fmt)
            out.update(cell=cell, coord_kind=kind, coord_lat="%.7f" % la, coord_lon="%.7f" % lo,
                       coord_kode=";".join(self.geo.villages_at(lo, la)))
            labels += ["coord_" + fmt, "coord_wrong_far"]
            return out
        if kind == "missing_minus":
            fmt = "dec"
        if kind == "swapped":
            fmt = pick(rng, [("dec", 4), ("dec_comma", 1)])
        for tries in range(6):
            p = self.geo.point_inside(rng, v)
            if p is None:
                return empty
            x, y = p
            if kind == "missing_minus" and y >= 0:
                kind = "inside"
            cell, la, lo = self.fmt_coord(y, x, fmt)
            if self.geo.villages_at(lo, la) != [v]:
                continue
            if kind == "swapped":
                if fmt == "dec":
                    cell = "%.6f, %.6f" % (lo, la)
                    la, lo = round(la, 6), round(lo, 6)
                else:
                    cell = "%s; %s" % (("%.5f" % lo).replace(".", ","), ("%.5f" % la).replace(".", ","))
                    la, lo = round(la, 5), round(lo, 5)
                if self.geo.villages_at(lo, la) != [v]:
                    continue
            if kind == "missing_minus":
                cell = "%.6f, %.6f" % (-la, lo)
                la, lo = round(la, 6), round(lo, 6)
                if self.geo.villages_at(lo, la) != [v]:
                    continue
            out.update(cell=cell, coord_kind=kind, coord_lat="%.7f" % la, coord_lon="%.7f" % lo,
                       coord_kode=v)
            labels.append("coord_" + fmt)
            if kind != "inside":
                labels.append("coord_" + kind)
            return out
        return empty

    # ---- drawing villages
    def special_pools(self, prov):
        pools = {}
        for v in self.village_ok:
            if v[:2] != prov or v in self.dup_in_kec:
                continue
            f = self.features(v)
            for lab in f:
                if lab in ("v_kelurahan", "v_dup_in_prov"):
                    continue
                pools.setdefault(lab, []).append(v)
            nm = self.g.name(v)
            if self.var.join_split(nm)[1]:
                pools.setdefault("v_joinable", []).append(v)
        return pools

    def draw(self, prov, n, kind, pools):
        rng = self.rng
        g = self.g
        kabs = [k for k in g.children[prov]]
        if prov not in self._ok_by_kec:
            ok = {}
            for v in self.village_ok:
                if v[:2] == prov and v not in self.dup_in_kec:
                    ok.setdefault(v[:8], []).append(v)
            self._ok_by_kec[prov] = ok
        ok_by_kec = self._ok_by_kec[prov]
        kabs = [k for k in kabs if any(kk.startswith(k + ".") for kk in ok_by_kec)]
        w = [g.pop.get(k, 1000) ** 0.8 for k in kabs]
        cats = sorted(pools)
        out = []
        for _ in range(n):
            if cats and rng.random() < 0.2:
                c = rng.choice(cats)
                out.append((rng.choice(pools[c]), "special:" + c))
                continue
            kab = rng.choices(kabs, weights=w)[0]
            kecs = sorted(k for k in ok_by_kec if k.startswith(kab + "."))
            if kind == "client" and rng.random() < 0.5:
                kel = [v for k in kecs for v in ok_by_kec[k] if v[9] == "1"]
                if kel:
                    out.append((rng.choice(kel), "urban"))
                    continue
            kec = rng.choice(kecs)
            out.append((rng.choice(ok_by_kec[kec]), "plain"))
        return out

    def ambiguous_villages(self, prov):
        """Villages whose name is used twice in their regency (in other
        districts), and twice in their district."""
        kab_dup, kec_dup = [], []
        for v in self.village_ok:
            if v[:2] != prov:
                continue
            if v in self.dup_in_kec:
                kec_dup.append(v)
                continue
            same = [o for o in self.g.by_norm[self.vil_key[v]] if o != v and o[:5] == v[:5]]
            if same:
                kab_dup.append(v)
        return kab_dup, kec_dup


# ---------------------------------------------------------------------------
# Rows of the books

JENIS_TEXT = {
    "masjid": ["Masjid", "masjid", "Mesjid", "Tempat Ibadah", "Rumah Ibadah"],
    "musholla": ["Musholla", "Mushola", "Langgar", "Surau", "Tempat Ibadah"],
    "gereja": ["Gereja", "gereja", "Tempat Ibadah", "Rumah Ibadah"],
    "pura": ["Pura", "pura", "Tempat Ibadah"],
    "vihara": ["Vihara", "Klenteng", "Tempat Ibadah"],
    "sekolah": ["Sekolah", "SD", "SMP", "SMA", "Pendidikan", "Fasilitas Pendidikan"],
    "kantor_desa": ["Kantor Desa", "Balai Desa", "Kantor Pemerintahan", "Kantor"],
    "kantor_lurah": ["Kantor Lurah", "Kantor Kelurahan", "Kantor Pemerintahan"],
    "kantor_camat": ["Kantor Camat", "Kantor Kecamatan", "Kantor Pemerintahan"],
    "puskesmas": ["Puskesmas", "Faskes", "Fasilitas Kesehatan"],
    "posyandu": ["Posyandu", "Faskes"],
    "pasar": ["Pasar", "pasar", "Fasum"],
    "lapangan": ["Lapangan", "Ruang Publik", "Fasum"],
    "tpu": ["TPU", "Pemakaman", "Kuburan"],
    "taman": ["Taman", "RTH", "Ruang Publik"],
    "balai_banjar": ["Balai Banjar", "Fasum"],
    "panti": ["Panti Asuhan", "Panti Sosial"],
}
KEGIATAN = {"masjid": ["kebersihan", "perawatan fasilitas", "pengecatan", "membantu pengurus masjid"],
            "gereja": ["kebersihan", "perawatan fasilitas", "pengecatan", "pertamanan"],
            "sekolah": ["kebersihan", "pertamanan", "membantu perpustakaan", "pengecatan"],
            "kantor": ["administrasi", "pengarsipan", "kebersihan", "pertamanan"],
            "puskesmas": ["kebersihan", "membantu administrasi pelayanan", "pertamanan"],
            "umum": ["kebersihan", "pertamanan", "perawatan fasilitas", "penataan parkir"]}


class Rows:
    def __init__(self, book):
        self.b = book
        self.rng = book.rng

    def person(self, prov):
        rng = self.rng
        male, female, sur = PEOPLE[GROUP[prov]]
        n = rng.choice(male if rng.random() < 0.7 else female)
        if sur and rng.random() < 0.8:
            n += " " + rng.choice(sur)
        if rng.random() < 0.2:
            n += rng.choice([", S.Pd", ", SE", ", S.Sos", ", A.Md", ", S.Kep", ", M.Si"])
        if rng.random() < 0.1:
            n = rng.choice(["H. ", "Drs. ", "Ir. "]) + n
        return n

    def site_type(self, v):
        rng = self.rng
        prov = v[:2]
        ch, pu, vi = WORSHIP.get(prov, (0.02, 0.0, 0.0))
        if v[:5] in ("73.18", "73.26"):
            ch = 0.8
        r = rng.random()
        if r < 0.4:
            q = rng.random()
            if q < ch:
                return "gereja"
            if q < ch + pu:
                return "pura"
            if q < ch + pu + vi:
                return "vihara"
            return "masjid" if rng.random() < 0.75 else "musholla"
        return pick(rng, [("sekolah", 22), ("kantor_desa" if v[9] == "2" else "kantor_lurah", 9),
                          ("kantor_camat", 4), ("puskesmas", 5), ("posyandu", 7), ("pasar", 4),
                          ("lapangan", 4), ("tpu", 3), ("taman", 2), ("panti", 1),
                          ("balai_banjar" if prov == "51" else "lapangan", 3)])

    def site_name(self, t, v):
        rng = self.rng
        g = self.b.g
        prov = v[:2]
        vn = title_if_lower(g.name(v))
        kn = title_if_lower(g.name(v[:8]))
        if t == "masjid":
            return rng.choice(["Masjid ", "Masjid Jami' ", "Masjid Raya "]) + (rng.choice(MOSQUES) if rng.random() < 0.8 else vn)
        if t == "musholla":
            if prov == "13":
                return "Surau " + rng.choice(MOSQUES + [vn])
            if prov == "11":
                return "Meunasah " + vn
            return rng.choice(["Musholla ", "Mushola ", "Langgar "]) + rng.choice(MOSQUES)
        if t == "gereja":
            c = rng.choice(CHURCH.get(prov, ["Gereja Protestan", "Gereja Katolik Paroki St. Maria", "GPIB Jemaat"]))
            return c + " " + rng.choice(CHURCH_NAMES) + ("" if rng.random() < 0.6 else " " + vn)
        if t == "pura":
            return rng.choice(["Pura Desa ", "Pura Dalem ", "Pura Puseh ", "Pura Segara ", "Pura "]) + vn
        if t == "vihara":
            return rng.choice(["Vihara Dharma Bhakti", "Vihara Buddha Jayanti", "Klenteng Tri Dharma",
                               "Vihara Maitreya"])
        if t == "sekolah":
            lvl = pick(rng, [("SD Negeri", 5), ("SDN", 3), ("SMP Negeri", 3), ("SMA Negeri", 1),
                             ("MI", 1), ("MTs Negeri", 1), ("SD Inpres", 1 if prov >= "52" else 0),
                             ("SD YPK", 1 if prov >= "91" else 0), ("SD GMIT", 1 if prov == "53" else 0),
                             ("SMK Negeri", 1)])
            where = vn if rng.random() < 0.55 else kn
            return "%s %d %s" % (lvl, rng.randint(1, 12), where) if not lvl.startswith("MI") else "MI Muhammadiyah " + where
        if t == "kantor_desa":
            off = VILLAGE_OFFICE.get(prov)
            if prov >= "91":
                off = "Kantor Kampung"
            if v[:5] in ("73.18", "73.26"):
                off = "Kantor Lembang"
            if v[:5] in ("18.04", "18.06", "18.10", "18.13"):
                off = "Kantor Pekon"
            return (off or rng.choice(["Kantor Desa", "Balai Desa", "Kantor Kepala Desa"])) + " " + vn
        if t == "kantor_lurah":
            return rng.choice(["Kantor Lurah ", "Kantor Kelurahan "]) + vn
        if t == "kantor_camat":
            return ("Kantor Distrik " if prov >= "91" else rng.choice(["Kantor Camat ", "Kantor Kecamatan "])) + kn
        if t == "puskesmas":
            return rng.choice(["Puskesmas ", "Pustu ", "Puskesmas Pembantu "]) + rng.choice([kn, vn])
        if t == "posyandu":
            return "Posyandu " + rng.choice(POSYANDU) + ("" if rng.random() < 0.6 else " " + vn)
        if t == "pasar":
            return rng.choice(["Pasar ", "Pasar Tradisional ", "Pasar Inpres "]) + vn
        if t == "lapangan":
            return rng.choice(["Lapangan Sepak Bola ", "Lapangan ", "Lapangan Voli "]) + vn
        if t == "tpu":
            return "TPU " + vn
        if t == "taman":
            return rng.choice(["Taman ", "Taman Desa ", "RTH "]) + vn
        if t == "balai_banjar":
            return "Balai Banjar " + rng.choice(HAMLETS["bali"])
        if t == "panti":
            return "Panti Asuhan " + rng.choice(["Al-Ikhlas", "Kasih Ibu", "Bina Harapan", "Nurul Iman"])
        return vn

    def phone(self):
        rng = self.rng
        if rng.random() < 0.12:
            return ""
        n = rng.randint(0, 9999)
        return pick(rng, [("0812-0000-%04d" % n, 5), ("08120000%04d" % n, 2), ("0812 0000 %04d" % n, 2),
                          ("+62 812-0000-%04d" % n, 1)])

    def status(self):
        rng = self.rng
        st = pick(rng, [("Siap", 68), ("Belum Siap", 26), ("Nonaktif", 6)])
        text = {"Siap": ["Siap", "siap", "SIAP", "Siap "],
                "Belum Siap": ["Belum Siap", "Belum siap", "belum", "BELUM SIAP", "blm siap"],
                "Nonaktif": ["Nonaktif", "Non Aktif", "nonaktif", "Tidak Aktif"]}[st]
        return rng.choice(text)

    def site(self, no, v, mode, how, sample):
        rng = self.rng
        b = self.b
        a = b.compose(v, "site", mode)
        if a is None:
            return None
        t = self.site_type(v)
        labels = list(a["labels"])
        want = 0.4
        feats = b.features(v)
        if "v_suffix_word" in feats or "v_suffix_base" in feats:
            want = 0.75
        c = b.coordinate(v, want, labels, sample, a["level"] == "village")
        kg = KEGIATAN.get({"masjid": "masjid", "musholla": "masjid", "gereja": "gereja",
                           "pura": "gereja", "vihara": "gereja", "sekolah": "sekolah",
                           "puskesmas": "puskesmas", "posyandu": "puskesmas"}.get(
            t, "kantor" if t.startswith("kantor") else "umum"))
        keg = pick(rng, [("; ", 6), (", ", 2), (" / ", 1), (" dan ", 1)]).join(rng.sample(kg, rng.randint(1, 3)))
        kap = "" if rng.random() < 0.1 else str(rng.randint(1, 6))
        if kap and rng.random() < 0.05:
            kap += " orang"
        ra = "" if rng.random() < 0.08 else rng.choice(["ya", "Ya", "YA", "Y", "tidak", "Tidak", "TIDAK", "tdk", "T"])
        nama = self.site_name(t, v)
        jenis = rng.choice(JENIS_TEXT[t])
        if t == "sekolah" and jenis in ("SD", "SMP", "SMA"):
            first = nama.split()[0]
            jenis = {"SDN": "SD", "SD": "SD", "SMP": "SMP", "SMA": "SMA", "SMK": "SMK"}.get(first, "Sekolah")
        row = {"no": str(no), "nama_lokasi": nama, "jenis": jenis,
               "alamat": a["alamat"], "desa_kelurahan": a["cols"]["desa_kelurahan"],
               "kecamatan": a["cols"]["kecamatan"], "kabupaten_kota": a["cols"]["kabupaten_kota"],
               "koordinat": c["cell"], "status": self.status(), "kapasitas": kap, "kegiatan": keg,
               "ramah_anak": ra, "penanggung_jawab": self.person(v[:2]), "telepon": self.phone(),
               "keterangan": rng.choice(["", "", "", "MoU 2026", "belum ada surat kesediaan",
                                         "titik koordinat perlu dicek", "baru didata"])}
        return row, self.truth(v, a, c, labels + feats + [how.split(":")[0] + "_draw"] * (how.startswith("special")), mode)

    def client(self, cid, v, mode, how, sample, day):
        rng = self.rng
        b = self.b
        a = b.compose(v, "client", mode)
        if a is None:
            return None
        labels = list(a["labels"])
        feats = b.features(v)
        want = 0.3
        if "v_suffix_word" in feats or "v_suffix_base" in feats:
            want = 0.7
        c = b.coordinate(v, want, labels, sample, a["level"] == "village")
        child = rng.random() < 0.15
        jam = rng.randint(7, 120) if child else rng.randint(8, 240)
        d = day
        dates = pick(rng, [("%02d/%02d/2026" % (d[2], d[1]), 6), ("2026-%02d-%02d" % (d[1], d[2]), 2),
                           ("%d-%d-2026" % (d[2], d[1]), 1)])
        row = {"id_klien": cid, "alamat_rumah": a["alamat"],
               "desa_kelurahan": a["cols"]["desa_kelurahan"], "kecamatan": a["cols"]["kecamatan"],
               "kabupaten_kota": a["cols"]["kabupaten_kota"], "koordinat_rumah": c["cell"],
               "jenis_pidana": ("Pidana Pelayanan Masyarakat" if child else
                                rng.choice(["Pidana Kerja Sosial", "pidana kerja sosial", "PIDANA KERJA SOSIAL"])),
               "anak": rng.choice(["ya", "Ya", "Y"]) if child else rng.choice(["tidak", "Tidak", "T"]),
               "jam_pidana": str(jam) + rng.choice(["", "", " jam"]), "tanggal_mulai": dates,
               "status": rng.choice(["aktif", "Aktif", "selesai", "Selesai"])}
        return row, self.truth(v, a, c, labels + feats + [how.split(":")[0] + "_draw"] * (how.startswith("special")), mode)

    def truth(self, v, a, c, labels, mode):
        g = self.b.g
        level = a["level"]
        solvable = level == "village" or c["coord_kind"] in ("inside", "swapped", "missing_minus")
        if mode != "normal":
            labels = labels + ["unresolvable_" + mode]
        seen = []
        for lab in labels:
            if lab not in seen:
                seen.append(lab)
        return {"true_kode": v, "prov_kode": v[:2], "true_desa": g.name(v),
                "true_kecamatan": g.name(v[:8]), "true_kabupaten": g.name(v[:5]),
                "labels": ";".join(seen), "text_resolvable": level,
                "text_candidates": ";".join(a["cands"][:60]) if level != "village" else "",
                "solvable": "yes" if solvable else "no",
                "coord_kind": c["coord_kind"], "coord_lat": c["coord_lat"], "coord_lon": c["coord_lon"],
                "coord_dist_m": c["coord_dist_m"], "coord_kode": c["coord_kode"]}


SITE_COLS = ["no", "nama_lokasi", "jenis", "alamat", "desa_kelurahan", "kecamatan",
             "kabupaten_kota", "koordinat", "status", "kapasitas", "kegiatan", "ramah_anak",
             "penanggung_jawab", "telepon", "keterangan"]
CLIENT_COLS = ["id_klien", "alamat_rumah", "desa_kelurahan", "kecamatan", "kabupaten_kota",
               "koordinat_rumah", "jenis_pidana", "anak", "jam_pidana", "tanggal_mulai", "status"]
TRUTH_COLS = ["true_kode", "prov_kode", "true_desa", "true_kecamatan", "true_kabupaten",
              "labels", "text_resolvable", "text_candidates", "solvable", "coord_kind",
              "coord_lat", "coord_lon", "coord_dist_m", "coord_kode"]


def book_order(rng, items):
    """Rows grouped by regency as offices keep them, with about 15% added
    later at the end."""
    items = sorted(items, key=lambda it: (it[0][:5], rng.random()))
    late = [it for it in items if rng.random() < 0.15]
    ids = {id(it) for it in late}
    return [it for it in items if id(it) not in ids] + late


def generate(gaz, geo, seed, n_sites, n_clients, provinces, log):
    book = Book(gaz, geo, seed)
    rows = Rows(book)
    rng = book.rng
    sites, clients = [], []
    no = 0
    cno = 0
    days = []
    for m, nd in ((1, 31), (2, 28), (3, 31), (4, 30), (5, 31), (6, 30), (7, 24)):
        for dd in range(1, nd + 1):
            days.append((2026, m, dd))
    for prov in provinces:
        pools = book.special_pools(prov)
        kab_dup, kec_dup = book.ambiguous_villages(prov)
        for kind, n in (("site", n_sites), ("client", n_clients)):
            n_amb = round(n * 0.013)
            n_rt = round(n * 0.007)
            plan = []
            for v, how in book.draw(prov, n - n_amb - n_rt, kind, pools):
                plan.append((v, "normal", how))
            for _ in range(n_amb):
                if kab_dup and (rng.random() < 0.8 or not kec_dup):
                    plan.append((rng.choice(kab_dup), "ambig_kab", "ambig"))
                elif kec_dup:
                    plan.append((rng.choice(kec_dup), "ambig_kec", "ambig"))
            for v, how in book.draw(prov, n_rt, kind, {}):
                plan.append((v, "rt_only", "rt"))
            sample = [p[0] for p in plan]
            made = []
            for v, mode, how in plan:
                r = None
                for _ in range(20):
                    if kind == "site":
                        r = rows.site(0, v, mode, how, sample)
                    else:
                        r = rows.client("", v, mode, how, sample, rng.choice(days))
                    if r is not None:
                        break
                    # the text cannot be made to name v (or, for the
                    # deliberately ambiguous modes, to be ambiguous): redraw
                    if mode == "normal":
                        v = book.draw(prov, 1, kind, pools)[0][0]
                    elif mode == "ambig_kab" and kab_dup:
                        v = rng.choice(kab_dup)
                    elif mode == "ambig_kec" and kec_dup:
                        v = rng.choice(kec_dup)
                    else:
                        v = book.draw(prov, 1, kind, {})[0][0]
                if r is not None:
                    made.append((r[1]["true_kode"], r))
            for _, (row, truth) in book_order(rng, made):
                if kind == "site":
                    no += 1
                    row["no"] = str(no)
                    truth = dict(truth, no=row["no"])
                    sites.append((row, truth))
                else:
                    cno += 1
                    row["id_klien"] = "KLN-2026-%05d" % cno
                    truth = dict(truth, id_klien=row["id_klien"])
                    clients.append((row, truth))
        log("%s %-28s sites %d clients %d" % (prov, gaz.name(prov)[:28],
                                                sum(1 for _, t in sites if t["prov_kode"] == prov),
                                                sum(1 for _, t in clients if t["prov_kode"] == prov)))
    return sites, clients


def write_csv(path, cols, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow(r)


def open_gpkg(path, tmpdir):
    if path.endswith(".xz"):
        out = os.path.join(tmpdir, "indonesia_desa.gpkg")
        with lzma.open(path) as src, open(out, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        return out
    return path


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="the shared reference data folder (holding gazetteer/ and "
                    "boundaries/); default: $JK_SHARED/data, else ../shared/data beside the checkout")
    ap.add_argument("--gpkg", help="national village GeoPackage (.gpkg, or .gpkg.xz to unpack "
                    "into a temporary folder); default: the shared indonesia_desa.gpkg.xz")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)")
    ap.add_argument("--per-province", type=int, default=150, help="site rows per province (default %(default)s)")
    ap.add_argument("--clients-per-province", type=int, help="client rows per province (default: two thirds of --per-province)")
    ap.add_argument("--provinces", help="comma-separated province codes (default: all 38)")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    shared = a.shared
    if not shared:
        env = os.environ.get("JK_SHARED")
        here = os.path.dirname(os.path.abspath(__file__))
        shared = os.path.join(env, "data") if env else os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "data"))
    gpkg = a.gpkg or os.path.join(shared, "boundaries", "indonesia_desa.gpkg.xz")
    n_clients = a.clients_per_province if a.clients_per_province is not None else round(a.per_province * 2 / 3)
    log = (lambda s: None) if a.quiet else (lambda s: print(s, file=sys.stderr))
    gaz = Gazetteer(shared)
    provinces = gaz.provinces if not a.provinces else [p.strip() for p in a.provinces.split(",")]
    for p in provinces:
        if p not in PROVINCES or p not in gaz.units:
            ap.error("unknown province code '%s'" % p)
    os.makedirs(a.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        geo = Geo(open_gpkg(gpkg, tmp))
        sites, clients = generate(gaz, geo, a.seed, a.per_province, n_clients, provinces, log)
        geo.db.close()
    write_csv(os.path.join(a.out, "sites.csv"), SITE_COLS, [r for r, _ in sites])
    write_csv(os.path.join(a.out, "clients.csv"), CLIENT_COLS, [r for r, _ in clients])
    write_csv(os.path.join(a.out, "truth_sites.csv"), ["no"] + TRUTH_COLS, [t for _, t in sites])
    write_csv(os.path.join(a.out, "truth_clients.csv"), ["id_klien"] + TRUTH_COLS, [t for _, t in clients])
    log("%d site rows, %d client rows in %s" % (len(sites), len(clients), a.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
