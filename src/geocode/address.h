/* SPDX-License-Identifier: MIT */
/*
 * Parser for free-text Indonesian addresses (private to geocode).
 *
 * An address is cut into parts, whatever their order and separators:
 * commas, semicolons, " - " and, for addresses written without commas, the
 * prefix words themselves ("Jl.", "RT", "Dusun", "Kel.", "Desa", "Kec.",
 * "Kab.", "Kota", "Prov.", "Kode Pos", landmark words such as "depan").
 * Each part gets a role: a place name with the level its prefix states, an
 * unprefixed place name (any level), or one of the parts that never name an
 * administrative unit (street, RT/RW, dusun, landmark, postal code,
 * province). The parser knows no gazetteer; it only reads the words.
 */
#ifndef JK_ADDRESS_H
#define JK_ADDRESS_H

#define JK_ADDR_MAX_PARTS 24
#define JK_ADDR_TEXT_MAX 96

typedef enum jk_addr_role {
	JK_ADDR_NAME = 0,  /* place name without prefix: any level */
	JK_ADDR_DESA,      /* after Desa, Ds., Kel., Kelurahan */
	JK_ADDR_KEC,       /* after Kec., Kecamatan */
	JK_ADDR_KAB,       /* after Kab., Kabupaten, Kota, Kodya */
	JK_ADDR_PROV,      /* province; text is the full name when known */
	JK_ADDR_STREET,    /* Jl./Jalan/Lr./Lorong/Gang + name + number */
	JK_ADDR_RTRW,      /* RT/RW numbers */
	JK_ADDR_DUSUN,     /* a unit below the village: Dusun II, Dukuh,
			      Grumbul, Banjar (Br.), Jorong, Lingkungan,
			      Huta, Blok, Mukim */
	JK_ADDR_LANDMARK,  /* depan Kantor Camat, dekat SD Negeri 1 */
	JK_ADDR_POSTAL,    /* five-digit postal code */
	JK_ADDR_ADAT       /* desa adat / desa pakraman / DA: a customary
			      village, often named as an administrative one */
} jk_addr_role;

/* What the prefix word says beyond the level. */
typedef enum jk_addr_hint {
	JK_HINT_NONE = 0,
	JK_HINT_KEL,  /* Kel., Kelurahan */
	JK_HINT_DESA, /* Desa, Ds. */
	JK_HINT_KAB,  /* Kab., Kabupaten */
	JK_HINT_KOTA, /* Kota, Kodya, Kotamadya */
	JK_HINT_SOFT, /* a regional word for the village that is also the
			 first word of many official names: Nagari, Gampong,
			 Negeri, Lembang, Pekon, Tiyuh */
	JK_HINT_KAMPUNG, /* Kampung, Kp.: the village in Papua, a hamlet
			    in Java */
	JK_HINT_POSTAL   /* a province read off the postal code */
} jk_addr_hint;

typedef struct jk_addr_part {
	jk_addr_role role;
	jk_addr_hint hint;
	/* folded words without the prefix, single spaces: "bau bau" */
	char text[JK_ADDR_TEXT_MAX];
	/* with the prefix word when there was one: "kota bau bau"; a few
	 * names begin with a prefix word (villages "Kota Bangun", "Desa
	 * Baru") */
	char full[JK_ADDR_TEXT_MAX];
	/* the name without a level word written after it ("lobu" for "Lobu
	 * Kota", "tungkal 4" for "Tungkal IV Desa"), or "": such a word is
	 * part of many official names and a level word in other addresses */
	char alt[JK_ADDR_TEXT_MAX];
	/* cut from the name before it without a separator ("Simpang Kota
	 * Medan" gives "simpang" and a regency part "medan"): its level is
	 * a guess */
	int glued;
} jk_addr_part;

typedef struct jk_addr {
	int n_parts;
	jk_addr_part part[JK_ADDR_MAX_PARTS];
	char postal[6]; /* "" when none */
	int rt, rw;     /* -1 when absent */
	int truncated;  /* more parts than fit; the rest were dropped */
} jk_addr;

/* Parses @p text (may be NULL) into @p out, which is always filled. */
void jk_addr_parse(const char *text, jk_addr *out);

/*
 * Parses the value of a separate column ("Kel. Sulaa", "BUNGI",
 * "Kab. Buton") into @p out: as jk_addr_parse(), but an unprefixed name is
 * given role @p role (JK_ADDR_DESA, JK_ADDR_KEC or JK_ADDR_KAB).
 */
void jk_addr_parse_field(const char *text, jk_addr_role role, jk_addr *out);

/*
 * The province of a postal code, from its first two digits ("93721" ->
 * "sulawesi tenggara"), or NULL where those digits are not one province's.
 * A parsed postal code is followed by a JK_ADDR_PROV part with this name.
 */
const char *jk_addr_postal_province(const char *postal);

/* English name of a role ("village", "district", ...), for reasons. */
const char *jk_addr_role_name(jk_addr_role role);

#endif /* JK_ADDRESS_H */
