//! Special functions whose last bit matters for agreeing with CPython 3.11
//! on glibc: `gamma`/`lgamma` are CPython's own (Lanczos) code; `erf`,
//! `erfc`, `asinh`, `acosh`, `atanh` and `cbrt` are glibc 2.36's algorithms
//! (which Rust's `std` does not use for these), evaluated in the same order
//! with the same constants. Everything else in `math` calls the system libm
//! through `std` and agrees already.
//!
//! Checked against CPython on tens of thousands of random arguments each
//! (bit-identical results and identical error classification).

use std::f64::consts::PI;

use super::{frexp, ldexp};

/// How a special function failed (C's `errno`).
#[derive(Debug)]
pub(super) enum MathErr {
    Domain,
    Range,
}

#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// The Lanczos sum of CPython's `lanczos_sum` (two evaluation orders
/// for accuracy on either side of 5).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `sin(pi * x)`, exact at integers and half-integers.
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i64;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// CPython's `m_tgamma`: Lanczos approximation with g = 6.0246...
pub(super) fn tgamma(x: f64) -> Result<f64, MathErr> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(MathErr::Domain);
    }
    if x == 0.0 {
        return Err(MathErr::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathErr::Domain);
        }
        if x <= 23.0 {
            let mut f = 1.0f64;
            for i in 2..(x as i64) {
                f *= i as f64;
            }
            return Ok(f);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        if r.is_infinite() {
            return Err(MathErr::Range);
        }
        return Ok(r);
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sinpi(x));
        }
        return Err(MathErr::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let s = y.powf(absx / 2.0 - 0.25);
            r /= s;
            r /= s;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let s = y.powf(absx / 2.0 - 0.25);
            r *= s;
            r *= s;
        }
    }
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

/// CPython's `m_lgamma`.
pub(super) fn lgamma(x: f64) -> Result<f64, MathErr> {
    if !x.is_finite() {
        if x.is_nan() {
            return Ok(x);
        }
        return Ok(f64::INFINITY);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(MathErr::Domain);
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = PI.ln() - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

// fdlibm's erf/erfc (as in glibc 2.36), evaluated in the same order.
#[allow(clippy::excessive_precision)]
const ERX: f64 = 8.45062911510467529297e-01;
#[allow(clippy::excessive_precision)]
const EFX: f64 = 1.28379167095512586316e-01;
#[allow(clippy::excessive_precision)]
const PP: [f64; 5] = [
    1.28379167095512558561e-01,
    -3.25042107247001499370e-01,
    -2.84817495755985104766e-02,
    -5.77027029648944159157e-03,
    -2.37630166566501626084e-05,
];
#[allow(clippy::excessive_precision)]
const QQ: [f64; 6] = [
    0.0,
    3.97917223959155352819e-01,
    6.50222499887672944485e-02,
    5.08130628187576562776e-03,
    1.32494738004321644526e-04,
    -3.96022827877536812320e-06,
];
#[allow(clippy::excessive_precision)]
const PA: [f64; 7] = [
    -2.36211856075265944077e-03,
    4.14856118683748331666e-01,
    -3.72207876035701323847e-01,
    3.18346619901161753674e-01,
    -1.10894694282396677476e-01,
    3.54783043256182359371e-02,
    -2.16637559486879084300e-03,
];
#[allow(clippy::excessive_precision)]
const QA: [f64; 7] = [
    0.0,
    1.06420880400844228286e-01,
    5.40397917702171048937e-01,
    7.18286544141962662868e-02,
    1.26171219808761642112e-01,
    1.36370839120290507362e-02,
    1.19844998467991074170e-02,
];
#[allow(clippy::excessive_precision)]
const RA: [f64; 8] = [
    -9.86494403484714822705e-03,
    -6.93858572707181764372e-01,
    -1.05586262253232909814e+01,
    -6.23753324503260060396e+01,
    -1.62396669462573470355e+02,
    -1.84605092906711035994e+02,
    -8.12874355063065934246e+01,
    -9.81432934416914548592e+00,
];
#[allow(clippy::excessive_precision)]
const SA: [f64; 9] = [
    0.0,
    1.96512716674392571292e+01,
    1.37657754143519042600e+02,
    4.34565877475229228821e+02,
    6.45387271733267880336e+02,
    4.29008140027567833386e+02,
    1.08635005541779435134e+02,
    6.57024977031928170135e+00,
    -6.04244152148580987438e-02,
];
#[allow(clippy::excessive_precision)]
const RB: [f64; 7] = [
    -9.86494292470009928597e-03,
    -7.99283237680523006574e-01,
    -1.77579549177547519889e+01,
    -1.60636384855821916062e+02,
    -6.37566443368389627722e+02,
    -1.02509513161107724954e+03,
    -4.83519191608651397019e+02,
];
#[allow(clippy::excessive_precision)]
const SB: [f64; 8] = [
    0.0,
    3.03380607434824582924e+01,
    3.25792512996573918826e+02,
    1.53672958608443695994e+03,
    3.19985821950859553908e+03,
    2.55305040643316442583e+03,
    4.74528541206955367215e+02,
    -2.24409524465858183362e+01,
];

fn high_word(x: f64) -> i32 {
    (x.to_bits() >> 32) as u32 as i32
}

/// R(z)/S(z) of the |x| < 0.84375 interval.
fn small_ratio(z: f64) -> f64 {
    let r1 = PP[0] + z * PP[1];
    let z2 = z * z;
    let r2 = PP[2] + z * PP[3];
    let z4 = z2 * z2;
    let s1 = 1.0 + z * QQ[1];
    let s2 = QQ[2] + z * QQ[3];
    let s3 = QQ[4] + z * QQ[5];
    let r = r1 + z2 * r2 + z4 * PP[4];
    let s = s1 + z2 * s2 + z4 * s3;
    r / s
}

/// (P, Q) of the 0.84375 <= |x| < 1.25 interval, at s = |x| - 1.
fn mid_pq(s: f64) -> (f64, f64) {
    let p1 = PA[0] + s * PA[1];
    let s2 = s * s;
    let q1 = 1.0 + s * QA[1];
    let s4 = s2 * s2;
    let p2 = PA[2] + s * PA[3];
    let s6 = s4 * s2;
    let q2 = QA[2] + s * QA[3];
    let p3 = PA[4] + s * PA[5];
    let q3 = QA[4] + s * QA[5];
    (p1 + s2 * p2 + s4 * p3 + s6 * PA[6], q1 + s2 * q2 + s4 * q3 + s6 * QA[6])
}

/// exp(-x*x - 0.5625 + R/S) / x for x >= 1.25 (the tail of erfc);
/// `near` selects the [1.25, 1/0.35) coefficients.
fn tail(x: f64, near: bool) -> f64 {
    let s = 1.0 / (x * x);
    let (r, ss) = if near {
        let r1 = RA[0] + s * RA[1];
        let s2 = s * s;
        let t1 = 1.0 + s * SA[1];
        let s4 = s2 * s2;
        let r2 = RA[2] + s * RA[3];
        let s6 = s4 * s2;
        let t2 = SA[2] + s * SA[3];
        let s8 = s4 * s4;
        let r3 = RA[4] + s * RA[5];
        let t3 = SA[4] + s * SA[5];
        let r4 = RA[6] + s * RA[7];
        let t4 = SA[6] + s * SA[7];
        (r1 + s2 * r2 + s4 * r3 + s6 * r4, t1 + s2 * t2 + s4 * t3 + s6 * t4 + s8 * SA[8])
    } else {
        let r1 = RB[0] + s * RB[1];
        let s2 = s * s;
        let t1 = 1.0 + s * SB[1];
        let s4 = s2 * s2;
        let r2 = RB[2] + s * RB[3];
        let s6 = s4 * s2;
        let t2 = SB[2] + s * SB[3];
        let r3 = RB[4] + s * RB[5];
        let t3 = SB[4] + s * SB[5];
        let t4 = SB[6] + s * SB[7];
        (r1 + s2 * r2 + s4 * r3 + s6 * RB[6], t1 + s2 * t2 + s4 * t3 + s6 * t4)
    };
    // Split x*x exactly: z keeps the high 32 bits of x.
    let z = f64::from_bits(x.to_bits() & 0xffff_ffff_0000_0000);
    (-z * z - 0.5625).exp() * ((z - x) * (z + x) + r / ss).exp() / x
}

/// `erf`, as glibc 2.36 computes it (CPython 3.11 calls libm).
pub(super) fn erf(x: f64) -> f64 {
    let hx = high_word(x);
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        if x.is_nan() {
            return x;
        }
        return 1.0f64.copysign(x);
    }
    if ix < 0x3feb_0000 {
        if ix < 0x3e30_0000 {
            if ix < 0x0080_0000 {
                return 0.0625 * (16.0 * x + (16.0 * EFX) * x);
            }
            return x + EFX * x;
        }
        return x + x * small_ratio(x * x);
    }
    if ix < 0x3ff4_0000 {
        let (p, q) = mid_pq(x.abs() - 1.0);
        return if hx >= 0 { ERX + p / q } else { -ERX - p / q };
    }
    if ix >= 0x4018_0000 {
        return 1.0f64.copysign(x);
    }
    let r = tail(x.abs(), ix < 0x4006_DB6E);
    if hx >= 0 {
        1.0 - r
    } else {
        r - 1.0
    }
}

/// `erfc`, as glibc 2.36 computes it.
pub(super) fn erfc(x: f64) -> f64 {
    let hx = high_word(x);
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        if x.is_nan() {
            return x;
        }
        return if x > 0.0 { 0.0 } else { 2.0 };
    }
    if ix < 0x3feb_0000 {
        if ix < 0x3c70_0000 {
            return 1.0 - x;
        }
        let y = small_ratio(x * x);
        if hx < 0x3fd0_0000 {
            return 1.0 - (x + x * y);
        }
        let r = x * y + (x - 0.5);
        return 0.5 - r;
    }
    if ix < 0x3ff4_0000 {
        let (p, q) = mid_pq(x.abs() - 1.0);
        return if hx >= 0 { (1.0 - ERX) - p / q } else { 1.0 + (ERX + p / q) };
    }
    if ix < 0x403c_0000 {
        if hx < 0 && ix >= 0x4018_0000 {
            return 2.0;
        }
        let r = tail(x.abs(), ix < 0x4006_DB6D);
        return if hx > 0 { r } else { 2.0 - r };
    }
    if hx > 0 {
        0.0
    } else {
        2.0
    }
}

/// `ln 2` (the same double as fdlibm's `ln2`, 0x3FE62E42FEFA39EF).
const LN2: f64 = std::f64::consts::LN_2;

/// glibc's (fdlibm's) `asinh`.
pub(crate) fn asinh(x: f64) -> f64 {
    let ix = high_word(x) & 0x7fff_ffff;
    if ix < 0x3e30_0000 {
        // |x| < 2**-28: asinh(x) rounds to x.
        return x;
    }
    let w = if ix > 0x41b0_0000 {
        if ix >= 0x7ff0_0000 {
            return x + x;
        }
        x.abs().ln() + LN2
    } else {
        let xa = x.abs();
        if ix > 0x4000_0000 {
            (2.0 * xa + 1.0 / ((xa * xa + 1.0).sqrt() + xa)).ln()
        } else {
            let t = xa * xa;
            (xa + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
        }
    };
    w.copysign(x)
}

/// glibc's (fdlibm's) `acosh`; NaN below 1.
pub(super) fn acosh(x: f64) -> f64 {
    let hx = x.to_bits() as i64;
    if hx > 0x4000_0000_0000_0000 {
        if hx >= 0x41b0_0000_0000_0000 {
            if hx >= 0x7ff0_0000_0000_0000 {
                return x + x;
            }
            return x.ln() + LN2;
        }
        let t = x * x;
        return (2.0 * x - 1.0 / (x + (t - 1.0).sqrt())).ln();
    }
    if hx > 0x3ff0_0000_0000_0000 {
        let t = x - 1.0;
        return (t + (2.0 * t + t * t).sqrt()).ln_1p();
    }
    if hx == 0x3ff0_0000_0000_0000 {
        return 0.0;
    }
    f64::NAN
}

/// glibc's `atanh`: NaN beyond 1, infinite at +-1.
pub(super) fn atanh(x: f64) -> f64 {
    let xa = x.abs();
    let t = if xa < 0.5 {
        if xa < f64::from_bits(0x3e30_0000_0000_0000) {
            return x;
        }
        let t2 = xa + xa;
        0.5 * (t2 + t2 * xa / (1.0 - xa)).ln_1p()
    } else if xa < 1.0 {
        0.5 * ((xa + xa) / (1.0 - xa)).ln_1p()
    } else if xa > 1.0 {
        return f64::NAN;
    } else {
        return x / 0.0;
    };
    t.copysign(x)
}

/// glibc's `cbrt`: a polynomial first guess refined by one Halley step,
/// scaled by the cube root of the binary exponent's remainder.
#[allow(clippy::excessive_precision)]
pub(super) fn cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.2599210498948731648;
    const SQR_CBRT2: f64 = 1.5874010519681994748;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    let (xm, xe) = frexp(x.abs());
    if xe == 0 && (x == 0.0 || !x.is_finite()) {
        return x + x;
    }
    let u = 0.354895765043919860
        + ((1.50819193781584896
            + ((-2.11499494167371287
                + ((2.44693122563534430
                    + ((-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * xm) * xm) * xm))
                    * xm))
                * xm))
            * xm);
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    ldexp(if x > 0.0 { ym } else { -ym }, (xe / 3) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_match_cpython() {
        assert_eq!(cbrt(27.0), 3.0000000000000004);
        assert_eq!(cbrt(-8.0), -2.0);
        assert_eq!(erf(1.0), 0.8427007929497149);
        assert_eq!(erfc(2.0), 0.004677734981047265);
        assert_eq!(tgamma(0.5).ok(), Some(1.7724538509055159));
        assert_eq!(lgamma(0.5).ok(), Some(0.5723649429247004));
        assert_eq!(asinh(1.0), 0.881373587019543);
        assert_eq!(acosh(2.0), 1.3169578969248166);
        assert_eq!(atanh(0.5), 0.5493061443340548);
        assert!(matches!(tgamma(0.0), Err(MathErr::Domain)));
        assert!(matches!(tgamma(200.0), Err(MathErr::Range)));
    }
}
