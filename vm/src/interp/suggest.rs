//! "Did you mean" suggestions for `NameError` and `AttributeError`, with
//! CPython's weighted Levenshtein distance (`Lib/traceback.py`).

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.to_lowercase().eq(b.to_lowercase()) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's `_levenshtein_distance`; returns `max_cost + 1` when over.
pub fn levenshtein(a: &str, b: &str, max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let mut a: Vec<char> = a.chars().collect();
    let mut b: Vec<char> = b.chars().collect();
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    a.drain(..pre);
    b.drain(..pre);
    let post = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    a.truncate(a.len() - post);
    b.truncate(b.len() - post);
    if a.is_empty() || b.is_empty() {
        return MOVE_COST * (a.len() + b.len());
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bc, ac);
            distance = row[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The best candidate for `wrong`, as CPython picks it.
pub fn best_match(wrong: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() > MAX_CANDIDATE_ITEMS {
        return None;
    }
    let wlen = wrong.chars().count();
    if wlen > MAX_STRING_SIZE {
        return None;
    }
    let mut best_distance = wlen;
    let mut suggestion: Option<String> = None;
    for c in candidates {
        if c == wrong {
            continue;
        }
        let max_distance = (c.chars().count() + wlen + 3) * MOVE_COST / 6;
        let max_distance = max_distance.min(best_distance.saturating_sub(1));
        let d = levenshtein(wrong, c, max_distance);
        if d > max_distance {
            continue;
        }
        if suggestion.is_none() || d < best_distance {
            suggestion = Some(c.clone());
            best_distance = d;
        }
    }
    suggestion
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_match_cpython() {
        assert_eq!(levenshtein("totl", "total", 10), 2);
        assert_eq!(levenshtein("abc", "ABC", 10), 3);
        assert_eq!(best_match("totl", &["total".into(), "print".into()]), Some("total".into()));
        assert_eq!(best_match("xyz", &["total".into()]), None);
    }
}
