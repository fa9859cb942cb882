/* The text engine's compiled kernel: decimal cells to CSV rows x,f(alpha=A)... in one pass.

   It is the vectorised path of calc/text written as one loop a row, for the common case
   only, and gives the same bytes (the contract is in calc/text/__init__.py):

   * a cell is [+-]digits[.digits][(e|E)[+-]digits] with at most 19 significant digits;
   * its double is the nearest, by the same arithmetic as nearest.py: Clinger's quotient
     where the significand and the power of ten are both doubles, else Eisel and Lemire's
     product of the significand and a 128-bit 5**q (the table nearest.py makes);
   * f = the double nearest alpha * x exactly (alpha = a * 10**-s, a below 2**64);
   * each double's text is its shortest (Schubfach, with shortest.py's table of powers of
     ten), laid out as Python's repr lays it out.

   Anything else (another form, more digits, a subnormal or infinite result, a rounding
   the product's error bound leaves undecided) makes rows() return -1 - row: the caller
   then makes that piece on the numpy path, which decides every case. The tables come from
   Python (set_tables), so the constants are defined once. No Python object is touched
   inside the loop: the GIL is released, and blocks are made on several threads at once. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

/* -- 64 x 64 -> 128-bit products ------------------------------------------------------ */

#if defined(__SIZEOF_INT128__)
static inline uint64_t mul128(uint64_t a, uint64_t b, uint64_t *low) {
    unsigned __int128 p = (unsigned __int128)a * b;
    *low = (uint64_t)p;
    return (uint64_t)(p >> 64);
}
#else
static inline uint64_t mul128(uint64_t a, uint64_t b, uint64_t *low) {
    uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0;
    uint64_t middle = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
    *low = (middle << 32) | (p00 & 0xFFFFFFFFu);
    return a1 * b1 + (p01 >> 32) + (p10 >> 32) + (middle >> 32);
}
#endif

static inline int leading_zeros(uint64_t w) { /* w != 0 */
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_clzll(w);
#else
    int n = 0;
    while (!(w & 0x8000000000000000u)) {
        w <<= 1;
        n++;
    }
    return n;
#endif
}

/* Eight ASCII digits a word at a time where words are little-endian (the bytes in order). */
#if (defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) || defined(_M_X64) || \
    defined(_M_IX86) || defined(_M_ARM64)
#define SWAR 1
static inline uint64_t load8(const unsigned char *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}
static inline int eight_digits(uint64_t v) { /* every byte '0'..'9' */
    return ((v & UINT64_C(0xF0F0F0F0F0F0F0F0)) |
            (((v + UINT64_C(0x0606060606060606)) & UINT64_C(0xF0F0F0F0F0F0F0F0)) >> 4)) ==
           UINT64_C(0x3333333333333333);
}
static inline uint64_t eight_digit_value(uint64_t v) { /* the digits' value, first most significant */
    v = ((v & UINT64_C(0x0F0F0F0F0F0F0F0F)) * 2561) >> 8;
    v = ((v & UINT64_C(0x00FF00FF00FF00FF)) * 6553601) >> 16;
    return ((v & UINT64_C(0x0000FFFF0000FFFF)) * UINT64_C(42949672960001)) >> 32;
}
static inline void eight_digit_text(uint64_t value, char *out) { /* value < 10**8, zero-padded */
    uint64_t high = value / 10000;
    uint64_t v = high | ((value - high * 10000) << 32);
    uint64_t q = ((v * 5243) >> 19) & UINT64_C(0x0000007F0000007F);
    v = q | ((v - q * 100) << 16);
    q = ((v * 103) >> 10) & UINT64_C(0x000F000F000F000F);
    v = q | ((v - q * 10) << 8);
    v += UINT64_C(0x3030303030303030);
    memcpy(out, &v, 8);
}
#else
#define SWAR 0
#endif

/* -- the tables (set_tables) ------------------------------------------------------------ */

#define Q_MIN (-342) /* nearest.py's _Q_MIN, _Q_MAX */
#define Q_MAX 308
#define E_MIN (-292) /* shortest.py's _E_MIN, _E_MAX */
#define E_MAX 324
#define N_T (Q_MAX - Q_MIN + 1)
#define N_G (E_MAX - E_MIN + 1)

static uint64_t t_high[N_T], t_low[N_T];
static int64_t t_shift[N_T];
static unsigned char t_exact[N_T];
static uint64_t g_high[N_G], g_low[N_G];
static int tables_set = 0;

static const double powers_of_ten[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                         1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                         1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* -- decimal to double ------------------------------------------------------------------ */

#define MANTISSA ((UINT64_C(1) << 52) - 1)

/* The double nearest (high * 2**64 + w) * 10**q (not 0) into *out, or 0 where this path
   does not decide it: nearest.py's _nearest_doubles for one value. */
static int nearest(uint64_t high, uint64_t w, int64_t q, double *out) {
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0 /* doubles round as doubles (not x87) */
    if (!high && w <= (UINT64_C(1) << 53) && q >= -22 && q <= 22) { /* both exact: one rounding */
        double d = (double)w;
        *out = q < 0 ? d / powers_of_ten[-q] : d * powers_of_ten[q];
        return 1;
    }
#endif
    if (q < Q_MIN || q > Q_MAX) return 0;
    int index = (int)(q - Q_MIN);
    uint64_t top;
    int offset, truncated = 0;
    if (high) { /* the top 64 bits, and whether a bit below them is set */
        int n = 64 - leading_zeros(high);
        int shift = 64 - n;
        top = (shift ? high << shift : high) | ((w >> (n - 1)) >> 1);
        truncated = (shift ? w << shift : w) != 0;
        offset = n;
    } else {
        int lz = leading_zeros(w);
        top = w << lz;
        offset = -lz;
    }
    uint64_t p0, l2;
    uint64_t h1 = mul128(top, t_low[index], &p0);
    uint64_t h2 = mul128(top, t_high[index], &l2);
    uint64_t p1 = l2 + h1;
    uint64_t p2 = h2 + (p1 < l2);
    int upper = (int)(p2 >> 63);
    int sh = 10 + upper;
    uint64_t m = p2 >> sh;
    uint64_t r2 = p2 & ((UINT64_C(1) << sh) - 1);
    uint64_t half = UINT64_C(1) << (sh - 1);
    int lower = (p1 | p0) != 0;
    int inexact = truncated || !t_exact[index];
    int up = r2 > half || (r2 == half && (lower || inexact || (m & 1)));
    /* below half: undecided where the error bound (2**64 for T's truncation, 2**129 with
       the significand's too) reaches half */
    if (!truncated && inexact && r2 == half - 1 && p1 == UINT64_MAX && p0 != 0) return 0;
    if (truncated && (r2 == half - 1 || (r2 == half - 2 && lower))) return 0;
    m += (uint64_t)up;
    int64_t e2 = sh + 128 + t_shift[index] + q + offset;
    if (m == (UINT64_C(1) << 53)) {
        m = UINT64_C(1) << 52;
        e2 += 1;
    }
    if (e2 < -1074 || e2 > 971) return 0; /* subnormal or infinite: the numpy path */
    uint64_t bits = ((uint64_t)(e2 + 1075) << 52) | (m & MANTISSA);
    memcpy(out, &bits, sizeof bits);
    return 1;
}

/* The double nearest (high * 2**64 + w) * 10**q where nearest() leaves it (a subnormal,
   beyond the doubles, a rounding its error bound leaves undecided: a few rows in a
   thousand with a wide alpha, far fewer otherwise): Python's own correctly rounded
   reading of the decimal's text (0.0 below the doubles, inf beyond them), with the GIL
   taken back for it. 0 where that fails. */
static int exact_nearest(uint64_t high, uint64_t w, int64_t q, double *out, PyThreadState **save) {
    char reversed[48], text[80];
    int n = 0;
    /* the 128-bit integer's digits by long division in 32-bit limbs (no 128-bit division:
       MSVC's runtime has none) */
    uint32_t limbs[4] = {(uint32_t)(high >> 32), (uint32_t)high, (uint32_t)(w >> 32), (uint32_t)w};
    do {
        uint64_t rest = 0;
        for (int i = 0; i < 4; i++) {
            uint64_t current = (rest << 32) | limbs[i];
            limbs[i] = (uint32_t)(current / 10);
            rest = current % 10;
        }
        reversed[n++] = (char)('0' + (int)rest);
    } while (limbs[0] | limbs[1] | limbs[2] | limbs[3]);
    for (int i = 0; i < n; i++) text[i] = reversed[n - 1 - i];
    snprintf(text + n, sizeof text - (size_t)n, "e%lld", (long long)q);
    PyEval_RestoreThread(*save);
    double value = PyOS_string_to_double(text, NULL, NULL);
    int ok = !(value == -1.0 && PyErr_Occurred());
    if (!ok) PyErr_Clear();
    *save = PyEval_SaveThread();
    *out = value;
    return ok;
}

/* The digits [p, end) (a point among them) of more than 19: w and q where the significant
   ones are at most 19 (after leading zeros; allow_wide: zeros after those too, dropped),
   else 0. */
static int wide_significand(const unsigned char *p, const unsigned char *end, unsigned char point, int allow_wide,
                            uint64_t *w_out, int64_t *q_out) {
    uint64_t w = 0;
    int64_t q = 0;
    int kept = 0, after_point = 0;
    for (; p < end; p++) {
        if (*p == point) {
            after_point = 1;
            continue;
        }
        unsigned d = *p - '0';
        if (kept < 19) {
            if (w || d) {
                w = w * 10 + d;
                kept++;
            }
            q -= after_point;
        } else if (d || !allow_wide) {
            return 0;
        } else {
            q += !after_point;
        }
    }
    *w_out = w;
    *q_out = q;
    return 1;
}

/* One cell [p, end): sign, w (at most 19 significant digits) and q, or 0 for another form.
   exact: only the forms the numpy scan reads into w and q as typed (at most 19 digits
   before the point, 24 after it, 4 in the exponent; nothing dropped), where the window
   keeps the digits as typed; otherwise zeros after the 19th significant digit are taken
   too (and dropped: the value is the same). With `stop`, the number may end before `end`:
   where it ends goes there. */
static int scan(const unsigned char *p, const unsigned char *end, unsigned char point, int exact, int *negative,
                uint64_t *w_out, int64_t *q_out, const unsigned char **stop) {
    uint64_t w = 0;
    int64_t q = 0;
    *negative = 0;
    if (p < end && (*p == '-' || *p == '+')) {
        *negative = *p == '-';
        p++;
    }
    const unsigned char *first = p;
    for (; p < end && (unsigned)(*p - '0') < 10; p++) w = w * 10 + (*p - '0');
    Py_ssize_t digits = p - first;
    if (exact && digits > 19) return 0;
    if (p < end && *p == point) {
        const unsigned char *fraction = ++p;
#if SWAR
        while (end - p >= 8 && eight_digits(load8(p))) {
            w = w * 100000000 + eight_digit_value(load8(p));
            p += 8;
        }
#endif
        for (; p < end && (unsigned)(*p - '0') < 10; p++) w = w * 10 + (*p - '0');
        q = -(int64_t)(p - fraction);
        digits += p - fraction;
        if (exact && p - fraction > 24) return 0;
    }
    if (!digits) return 0;
    if (digits > 19 && !wide_significand(first, p, point, !exact, &w, &q)) return 0;
    if (p < end && (*p == 'e' || *p == 'E')) {
        int minus = 0;
        int64_t x = 0;
        int n = 0;
        p++;
        if (p < end && (*p == '-' || *p == '+')) {
            minus = *p == '-';
            p++;
        }
        for (; p < end && (unsigned)(*p - '0') < 10; p++) {
            x = x * 10 + (*p - '0');
            if (++n > (exact ? 4 : 6)) return 0;
        }
        if (!n) return 0;
        q += minus ? -x : x;
    }
    if (stop) {
        *stop = p;
    } else if (p != end) {
        return 0;
    }
    *w_out = w;
    *q_out = q;
    return 1;
}

/* -- double to its shortest text ------------------------------------------------------- */

static inline uint64_t round_to_odd(uint64_t gh, uint64_t gl, uint64_t cp) {
    uint64_t unused, y_low;
    uint64_t x_high = mul128(gl, cp, &unused);
    uint64_t y_high = mul128(gh, cp, &y_low);
    uint64_t z0 = y_low + x_high;
    uint64_t z1 = y_high + (z0 < y_low);
    return z1 | (z0 > 1);
}

static inline int64_t floor_shift(int64_t v, int s) { /* floor(v / 2**s), v of either sign */
    return v >= 0 ? v >> s : -((-v + ((INT64_C(1) << s) - 1)) >> s);
}

/* (d, k): |value| = d * 10**k shortest, d without trailing zeros; value finite, nonzero. */
static void shortest(double value, uint64_t *d_out, int64_t *k_out) {
    uint64_t bits;
    memcpy(&bits, &value, sizeof bits);
    bits &= ~(UINT64_C(1) << 63);
    int64_t ieee_exponent = (int64_t)(bits >> 52);
    uint64_t fraction = bits & MANTISSA;
    uint64_t c = ieee_exponent ? fraction | (UINT64_C(1) << 52) : fraction;
    int64_t q = ieee_exponent ? ieee_exponent - 1075 : -1074;
    int closer = fraction == 0 && ieee_exponent > 1;
    uint64_t cb = c << 2;
    uint64_t cbl = cb - 2 + (uint64_t)closer;
    uint64_t cbr = cb + 2;
    int64_t k = floor_shift(q * 1262611 - (closer ? 524031 : 0), 22);
    int h = (int)(q + floor_shift(-k * 1741647, 19) + 1);
    int64_t index = -k - E_MIN;
    if (index < 0) index = 0;
    if (index > E_MAX - E_MIN) index = E_MAX - E_MIN;
    uint64_t gh = g_high[index], gl = g_low[index];
    uint64_t vbl = round_to_odd(gh, gl, cbl << h);
    uint64_t vb = round_to_odd(gh, gl, cb << h);
    uint64_t vbr = round_to_odd(gh, gl, cbr << h);
    uint64_t odd = c & 1;
    uint64_t lower = vbl + odd;
    uint64_t upper = vbr - odd;
    uint64_t s = vb >> 2;
    uint64_t digits;
    if (s >= 10) {
        uint64_t sp = s / 10;
        uint64_t forty = sp * 40;
        int up_inside = lower <= forty;
        int wp_inside = forty + 40 <= upper;
        if (up_inside != wp_inside) {
            digits = sp + (uint64_t)wp_inside;
            k += 1;
            goto strip;
        }
    }
    {
        uint64_t four_s = s << 2;
        int u_inside = lower <= four_s;
        int w_inside = four_s + 4 <= upper;
        uint64_t middle = four_s + 2;
        int round_up = vb > middle || (vb == middle && (s & 1));
        digits = u_inside != w_inside ? s + (uint64_t)w_inside : s + (uint64_t)round_up;
    }
strip:
    while (digits % 10 == 0) {
        digits /= 10;
        k++;
    }
    *d_out = digits;
    *k_out = k;
}

static const char two_digits[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

static const uint64_t powers_of_ten_u64[20] = {
    UINT64_C(1),          UINT64_C(10),          UINT64_C(100),          UINT64_C(1000),
    UINT64_C(10000),      UINT64_C(100000),      UINT64_C(1000000),      UINT64_C(10000000),
    UINT64_C(100000000),  UINT64_C(1000000000),  UINT64_C(10000000000),  UINT64_C(100000000000),
    UINT64_C(1000000000000), UINT64_C(10000000000000), UINT64_C(100000000000000),
    UINT64_C(1000000000000000), UINT64_C(10000000000000000), UINT64_C(100000000000000000),
    UINT64_C(1000000000000000000), UINT64_C(10000000000000000000)};

static inline int digit_count(uint64_t d) { /* d > 0 */
    int n = ((64 - leading_zeros(d)) * 1233 >> 12) + 1; /* log10(2) ~ 1233 / 4096: n or n + 1 */
    return n - (n > 19 || d < powers_of_ten_u64[n - 1]);
}

/* The n decimal digits of d written to end at `end`, eight or two at a time. */
static inline void write_digits(uint64_t d, int n, char *end) {
    char *p = end;
#if SWAR
    for (; n > 8; n -= 8) {
        uint64_t rest = d / 100000000;
        p -= 8;
        eight_digit_text(d - rest * 100000000, p);
        d = rest;
    }
#else
    (void)n;
#endif
    while (d >= 100) {
        unsigned r = (unsigned)(d % 100);
        d /= 100;
        p -= 2;
        memcpy(p, two_digits + 2 * r, 2);
    }
    if (d >= 10) {
        p -= 2;
        memcpy(p, two_digits + 2 * d, 2);
    } else {
        *--p = (char)('0' + d);
    }
}

/* repr's layout of (-1)**negative * d * 10**k (d > 0, at most 17 digits, no trailing
   zeros) at out, with `point` for '.'; returns its length. The digits are written once, in
   place; at most 24 bytes are touched. */
static int write_decimal(char *out, uint64_t d, int64_t k, int negative, char point) {
    char *at = out;
    if (negative) *at++ = '-';
    int n = digit_count(d);
    int64_t x = k + n - 1; /* the decimal exponent of the first digit */
    if (x >= -4 && x < 16) {
        if (k >= 0) { /* a whole number: digits, k zeros, '.0' */
            write_digits(d, n, at + n);
            at += n;
            for (int64_t i = 0; i < k; i++) *at++ = '0';
            *at++ = point;
            *at++ = '0';
        } else if (x >= 0) { /* the point among the digits: the whole part moves left one */
            write_digits(d, n, at + n + 1);
            for (int64_t i = 0; i <= x; i++) at[i] = at[i + 1];
            at[x + 1] = point;
            at += n + 1;
        } else { /* 0.000ddd */
            *at++ = '0';
            *at++ = point;
            for (int64_t i = 0; i < -x - 1; i++) *at++ = '0';
            write_digits(d, n, at + n);
            at += n;
        }
    } else { /* d.ddde+XX */
        write_digits(d, n, at + n + 1);
        at[0] = at[1];
        if (n > 1) {
            at[1] = point;
            at += n + 1;
        } else {
            at += 1;
        }
        *at++ = 'e';
        *at++ = x < 0 ? '-' : '+';
        int64_t e = x < 0 ? -x : x;
        if (e >= 100) {
            *at++ = (char)('0' + e / 100);
            e %= 100;
        }
        *at++ = (char)('0' + e / 10);
        *at++ = (char)('0' + e % 10);
    }
    return (int)(at - out);
}

static const char zero_text[3] = {'0', '.', '0'};

/* repr's text of value (never '-0.0'): its shortest digits laid out. */
static int write_double(char *out, double value, char point) {
    if (value == 0.0) {
        memcpy(out, zero_text, 3);
        out[1] = point;
        return 3;
    }
    uint64_t d;
    int64_t k;
    shortest(value, &d, &k);
    return write_decimal(out, d, k, value < 0, point);
}

/* The text of the double nearest (-1)**negative * w * 10**q, which is `value`. A decimal of
   at most 15 significant digits is the shortest text of its double (any two such decimals
   have different doubles, DBL_DIG), so its own digits are laid out, with no search. */
static int write_nearest(char *out, double value, uint64_t w, int64_t q, char point) {
    if (w >= UINT64_C(1000000000000000) || fabs(value) < DBL_MIN) return write_double(out, value, point);
    while (w % 10 == 0) {
        w /= 10;
        q++;
    }
    return write_decimal(out, w, q, value < 0, point);
}

/* -- the rows ---------------------------------------------------------------------------- */

#define MAX_ALPHAS 64
#define MAX_OUTPUT ((Py_ssize_t)1 << 27) /* bytes of a block's rows at most (a bound a row) */
#define KERNEL_VERSION 1 /* calc.text (its __init__) checks it: bump it when an interface here changes */

typedef struct {
    uint64_t a; /* |alpha| = a * 10**-s */
    int64_t s;
    int negative;
    const char *derivative; /* the text of f' below 0, and its length (no derivative: NULL) */
    Py_ssize_t derivative_length;
} Alpha;

/* The chosen cell of n_columns separated ones in the line [*cell, *cell_end): 0 for
   quotes or another count of cells. */
static int find_cell(const unsigned char *line, const unsigned char **cell, const unsigned char **cell_end,
                     int separator, int column, int n_columns) {
    const unsigned char *p = line, *line_end = *cell_end;
    int seen = 0;
    for (; p < line_end; p++) {
        if (*p == '"') return 0;
        if (*p == separator) {
            if (seen == column) *cell_end = p;
            seen++;
            if (seen == column) *cell = p + 1;
        }
    }
    return seen == n_columns - 1;
}

/* The next line from *line (up to its newline, or the block's end where `final`), its
   chosen cell in [*cell, *cell_end) (its '\r' left out), and *line moved past it: 0 where
   the line is not for this path (no newline, quotes, another count of cells). */
static int next_cell(const unsigned char **line, const unsigned char *end, int final, int separator, int column,
                     int n_columns, const unsigned char **cell, const unsigned char **cell_end) {
    const unsigned char *start = *line;
    const unsigned char *newline = memchr(start, '\n', (size_t)(end - start));
    if (!newline) {
        if (!final) return 0;
        newline = end;
    }
    *cell = start;
    *cell_end = newline;
    if (*cell_end > *cell && (*cell_end)[-1] == '\r') (*cell_end)--;
    *line = newline + 1;
    return separator < 0 || find_cell(start, cell, cell_end, separator, column, n_columns);
}

/* The number of the next line from *line, one cell a line, read as its line is found (no
   search for the newline first), and *line moved past it: 0 where the line is not for
   this path (another form, no newline where not `final`). As next_cell, then scan. */
static int next_lone(const unsigned char **line, const unsigned char *end, int final, unsigned char point,
                     int exact, int *negative, uint64_t *w, int64_t *q) {
    const unsigned char *p;
    if (!scan(*line, end, point, exact, negative, w, q, &p)) return 0;
    if (p < end && *p == '\r') p++;
    if (p < end && *p == '\n') {
        *line = p + 1;
        return 1;
    }
    *line = p;
    return p == end && final;
}

/* The lines of a block: its newlines, and the last line where `final` and it has none. */
static Py_ssize_t count_lines(const unsigned char *data, Py_ssize_t size, int final) {
    Py_ssize_t rows = 0;
    for (Py_ssize_t i = 0; i < size; i++) rows += data[i] == '\n'; /* vectorised by the compiler */
    return rows + (final && size && data[size - 1] != '\n');
}

/* The double nearest w * 10**q (w may be 0) into *x: 0 where it is refused (a nonzero
   decimal whose double is 0, or one beyond the doubles). */
static int read_double(uint64_t w, int64_t q, double *x, PyThreadState **save) {
    *x = 0.0;
    if (!w || nearest(0, w, q, x)) return 1;
    return exact_nearest(0, w, q, x, save) && *x != 0.0 && !isinf(*x);
}

/* The rows of the block's lines, written at out: the bytes written, or -1 where a line is
   not for this path (a row to make otherwise, a ragged line, quotes, no final newline). */
static Py_ssize_t make_rows(const unsigned char *block, Py_ssize_t size, unsigned char point, int separator,
                            int column, int n_columns, const Alpha *alphas, int n_alphas, int derivative,
                            char out_point, char out_separator, char *out, Py_ssize_t capacity,
                            PyThreadState **save) {
    char *at = out;
    const unsigned char *line = block, *end = block + size;
    for (Py_ssize_t row = 0; line < end; row++) {
        if (row == capacity) return -1; /* more lines than were counted: the block changed under us */
        const unsigned char *cell, *cell_end;
        int negative;
        uint64_t w;
        int64_t q;
        double x;
        if (separator < 0) {
            if (!next_lone(&line, end, 0, point, 0, &negative, &w, &q)) return -1;
        } else if (!next_cell(&line, end, 0, separator, column, n_columns, &cell, &cell_end) ||
                   !scan(cell, cell_end, point, 0, &negative, &w, &q, NULL)) {
            return -1;
        }
        if (!read_double(w, q, &x, save)) return -1;
        if (negative) x = -x;
        char *x_text = at;
        int x_length = write_nearest(at, x, w, q, out_point);
        at += x_length;
        for (int j = 0; j < n_alphas; j++) {
            *at++ = out_separator;
            if (x > 0) {
                memcpy(at, x_text, (size_t)x_length);
                at += x_length;
                continue;
            }
            const Alpha *alpha = &alphas[j];
            uint64_t m;
            double f = 0.0;
            uint64_t high = mul128(w, alpha->a, &m);
            if ((high || m) && !nearest(high, m, q - alpha->s, &f)) {
                if (!exact_nearest(high, m, q - alpha->s, &f, save) || isinf(f)) return -1; /* refused */
            }
            if (negative != alpha->negative) f = -f;
            at += high ? write_double(at, f, out_point) : write_nearest(at, f, m, q - alpha->s, out_point);
        }
        if (derivative) {
            for (int j = 0; j < n_alphas; j++) {
                *at++ = out_separator;
                if (x > 0) {
                    *at++ = '1';
                    *at++ = out_point;
                    *at++ = '0';
                } else {
                    for (Py_ssize_t c = 0; c < alphas[j].derivative_length; c++) {
                        char ch = alphas[j].derivative[c];
                        *at++ = ch == '.' ? out_point : ch;
                    }
                }
            }
        }
        *at++ = '\n';
    }
    return (Py_ssize_t)(at - out);
}

/* rows(block, point, separator, column, n_columns, alphas, derivatives, out_point,
        out_separator) -> (bytearray, rows) or None

   block: whole lines; separator: -1 for one cell a line; alphas: a tuple of (a, s,
   negative) for alpha = (-1)**negative * a * 10**-s; derivatives: a tuple of bytes (f'
   below 0, per alpha) or None. None where any line is not for this path. */
static PyObject *kernel_rows(PyObject *self, PyObject *args) {
    Py_buffer block;
    int point, separator, column, n_columns, out_point, out_separator;
    PyObject *alpha_tuple, *derivative_tuple;
    if (!tables_set) {
        PyErr_SetString(PyExc_RuntimeError, "set_tables() first");
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "y*iiiiOOii", &block, &point, &separator, &column, &n_columns, &alpha_tuple,
                          &derivative_tuple, &out_point, &out_separator))
        return NULL;
    PyObject *result = NULL, *out = NULL;
    Alpha alphas[MAX_ALPHAS];
    Py_ssize_t n_alphas = PyTuple_Check(alpha_tuple) ? PyTuple_GET_SIZE(alpha_tuple) : -1;
    int derivative = derivative_tuple != Py_None;
    if (n_alphas < 0 || n_alphas > MAX_ALPHAS || column < 0 || column >= n_columns ||
        (derivative && (!PyTuple_Check(derivative_tuple) || PyTuple_GET_SIZE(derivative_tuple) != n_alphas))) {
        PyErr_SetString(PyExc_ValueError, "rows(): mismatched arguments");
        goto done;
    }
    Py_ssize_t bound = 25; /* x and the newline: a double's text is at most 24 bytes */
    for (Py_ssize_t j = 0; j < n_alphas; j++) {
        unsigned long long a;
        long long s;
        int negative;
        if (!PyArg_ParseTuple(PyTuple_GET_ITEM(alpha_tuple, j), "KLp", &a, &s, &negative)) goto done;
        alphas[j].a = a;
        alphas[j].s = s;
        alphas[j].negative = negative;
        alphas[j].derivative = NULL;
        alphas[j].derivative_length = 0;
        bound += 25;
        if (derivative) {
            PyObject *text = PyTuple_GET_ITEM(derivative_tuple, j);
            if (!PyBytes_Check(text)) {
                PyErr_SetString(PyExc_TypeError, "rows(): derivatives are bytes");
                goto done;
            }
            alphas[j].derivative = PyBytes_AS_STRING(text);
            alphas[j].derivative_length = PyBytes_GET_SIZE(text);
            bound += 1 + (alphas[j].derivative_length > 3 ? alphas[j].derivative_length : 3);
        }
    }
    const unsigned char *data = block.buf;
    PyThreadState *save = PyEval_SaveThread();
    Py_ssize_t rows = count_lines(data, block.len, 0);
    PyEval_RestoreThread(save);
    if (rows > MAX_OUTPUT / bound) { /* many alphas over short lines: the numpy path, in pieces */
        result = Py_None;
        Py_INCREF(result);
        goto done;
    }
    out = PyByteArray_FromStringAndSize(NULL, rows * bound);
    if (!out) goto done;
    char *target = PyByteArray_AS_STRING(out);
    save = PyEval_SaveThread(); /* other threads run while the rows are made */
    Py_ssize_t written = make_rows(data, block.len, (unsigned char)point, separator, column, n_columns, alphas,
                                   (int)n_alphas, derivative, (char)out_point, (char)out_separator, target, rows,
                                   &save);
    PyEval_RestoreThread(save);
    if (written < 0) {
        result = Py_None;
        Py_INCREF(result);
        goto done;
    }
    if (PyByteArray_Resize(out, written) < 0) goto done;
    result = Py_BuildValue("(On)", out, rows);
done:
    Py_XDECREF(out);
    PyBuffer_Release(&block);
    return result;
}

/* -- exact decimals for the window's reader --------------------------------------------- */

/* The chosen cell of each line into num, scale (the decimal num / 10**scale as the numpy
   path's exact_columns makes it: the digits as typed) and double (its nearest): the rows
   made, or -1 where a line is not for this path (more than 19 significant digits, a value
   refused, a ragged line, quotes). A value whose integer form passes int64 (19 digits from
   9.22e18, as %.18e writes) is left to the caller as the numpy path leaves it: flag 1
   (2 if negative), its significand's bits in num and its exponent in scale.
   `final`: the last line may lack its newline. */
static Py_ssize_t make_decimals(const unsigned char *block, Py_ssize_t size, int final, unsigned char point,
                                int separator, int column, int n_columns, int64_t *num, int16_t *scale,
                                double *value, unsigned char *flag, Py_ssize_t capacity, PyThreadState **save) {
    Py_ssize_t row = 0;
    const unsigned char *line = block, *end = block + size;
    while (line < end) {
        if (row == capacity) return -1; /* more lines than were counted: the block changed under us */
        const unsigned char *cell, *cell_end;
        int negative;
        uint64_t w;
        int64_t q;
        double x;
        if (separator < 0) {
            if (!next_lone(&line, end, final, point, 1, &negative, &w, &q)) return -1;
        } else if (!next_cell(&line, end, final, separator, column, n_columns, &cell, &cell_end) ||
                   cell_end - cell > 40 /* the numpy cell scan's widest */ ||
                   !scan(cell, cell_end, point, 1, &negative, &w, &q, NULL)) {
            return -1;
        }
        if (!read_double(w, q, &x, save)) return -1;
        if (w == 0) q = 0;
        value[row] = negative && w ? -x : x; /* '-0' is 0, as its numerator says */
        int fits = !(w >> 63) && q >= -32767 && q <= 18 && (q <= 0 || w < (UINT64_C(1) << 63) / powers_of_ten_u64[q]);
        if (fits) {
            int64_t magnitude = (int64_t)(q > 0 ? w * powers_of_ten_u64[q] : w);
            num[row] = negative ? -magnitude : magnitude;
            scale[row] = (int16_t)(q > 0 ? 0 : -q);
            flag[row] = 0;
        } else if (q >= -290 && q <= 260) {
            memcpy(&num[row], &w, sizeof w);
            scale[row] = (int16_t)q;
            flag[row] = (unsigned char)(1 + negative);
        } else {
            return -1;
        }
        row++;
    }
    return row;
}

/* decimals(block, final, point, separator, column, n_columns) -> (num, scale, double, flag)
   as bytearrays (int64, int16, float64, uint8 a row), or None */
static PyObject *kernel_decimals(PyObject *self, PyObject *args) {
    Py_buffer block;
    int final, point, separator, column, n_columns;
    if (!tables_set) {
        PyErr_SetString(PyExc_RuntimeError, "set_tables() first");
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "y*piiii", &block, &final, &point, &separator, &column, &n_columns)) return NULL;
    PyObject *result = NULL, *num = NULL, *scale = NULL, *value = NULL, *flag = NULL;
    if (column < 0 || column >= n_columns) {
        PyErr_SetString(PyExc_ValueError, "decimals(): no such column");
        goto done;
    }
    const unsigned char *data = block.buf;
    PyThreadState *save = PyEval_SaveThread(); /* other threads run while the lines are counted */
    Py_ssize_t rows = count_lines(data, block.len, final);
    PyEval_RestoreThread(save);
    num = PyByteArray_FromStringAndSize(NULL, rows * 8);
    scale = PyByteArray_FromStringAndSize(NULL, rows * 2);
    value = PyByteArray_FromStringAndSize(NULL, rows * 8);
    flag = PyByteArray_FromStringAndSize(NULL, rows);
    if (!num || !scale || !value || !flag) goto done;
    save = PyEval_SaveThread();
    Py_ssize_t made = make_decimals(data, block.len, final, (unsigned char)point, separator, column, n_columns,
                                    (int64_t *)PyByteArray_AS_STRING(num), (int16_t *)PyByteArray_AS_STRING(scale),
                                    (double *)PyByteArray_AS_STRING(value),
                                    (unsigned char *)PyByteArray_AS_STRING(flag), rows, &save);
    PyEval_RestoreThread(save);
    if (made != rows) {
        result = Py_None;
        Py_INCREF(result);
        goto done;
    }
    result = PyTuple_Pack(4, num, scale, value, flag);
done:
    Py_XDECREF(num);
    Py_XDECREF(scale);
    Py_XDECREF(value);
    Py_XDECREF(flag);
    PyBuffer_Release(&block);
    return result;
}

static int copy_table(PyObject *source, void *target, Py_ssize_t size) {
    Py_buffer view;
    if (PyObject_GetBuffer(source, &view, PyBUF_C_CONTIGUOUS) < 0) return -1;
    int ok = view.len == size;
    if (ok) memcpy(target, view.buf, (size_t)size);
    PyBuffer_Release(&view);
    if (!ok) PyErr_SetString(PyExc_ValueError, "set_tables(): a table of the wrong size");
    return ok ? 0 : -1;
}

/* set_tables(t_high, t_low, t_shift, t_exact, g_high, g_low): nearest.py's and shortest.py's
   tables, as uint64, uint64, int64, bool, uint64, uint64 arrays. */
static PyObject *kernel_set_tables(PyObject *self, PyObject *args) {
    PyObject *th, *tl, *ts, *te, *gh, *gl;
    if (!PyArg_ParseTuple(args, "OOOOOO", &th, &tl, &ts, &te, &gh, &gl)) return NULL;
    if (copy_table(th, t_high, sizeof t_high) || copy_table(tl, t_low, sizeof t_low) ||
        copy_table(ts, t_shift, sizeof t_shift) || copy_table(te, t_exact, sizeof t_exact) ||
        copy_table(gh, g_high, sizeof g_high) || copy_table(gl, g_low, sizeof g_low))
        return NULL;
    tables_set = 1;
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"rows", kernel_rows, METH_VARARGS, "CSV rows of decimal cells (see the module's source)."},
    {"decimals", kernel_decimals, METH_VARARGS, "Exact decimals and their doubles (see the source)."},
    {"set_tables", kernel_set_tables, METH_VARARGS, "The tables of powers, from calc.text."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_kernel", NULL, -1, methods};

PyMODINIT_FUNC PyInit__kernel(void) {
    PyObject *made = PyModule_Create(&module);
    if (made && PyModule_AddIntConstant(made, "VERSION", KERNEL_VERSION) < 0) {
        Py_DECREF(made);
        return NULL;
    }
    return made;
}
