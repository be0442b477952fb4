//! Reading numbers written in Arabic digits (ASCII or full-width) and in Chinese numerals.

/// The value of an ASCII or full-width digit.
pub fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A run of Arabic digits at `at` (with `,` thousands separators and one `.` decimal point):
/// its value and its length in chars.
pub fn arabic_number(chars: &[char], at: usize) -> Option<(f64, usize)> {
    let mut i = at;
    let mut text = String::new();
    let mut seen_point = false;
    while i < chars.len() {
        let c = chars[i];
        if let Some(d) = arabic_digit(c) {
            text.push(char::from_digit(d, 10)?);
        } else if matches!(c, ',' | '，') && is_group(chars, i + 1) && !seen_point && !text.is_empty() {
            // thousands separator: exactly three digits follow
        } else if matches!(c, '.' | '．')
            && !seen_point
            && chars.get(i + 1).and_then(|&c| arabic_digit(c)).is_some()
            && !text.is_empty()
        {
            seen_point = true;
            text.push('.');
        } else {
            break;
        }
        i += 1;
    }
    if text.is_empty() {
        return None;
    }
    Some((text.parse().ok()?, i - at))
}

/// Three digits and then no fourth: a thousands group (`5,700`).
fn is_group(chars: &[char], at: usize) -> bool {
    (0..3).all(|k| chars.get(at + k).and_then(|&c| arabic_digit(c)).is_some())
        && chars.get(at + 3).and_then(|&c| arabic_digit(c)).is_none()
}

/// The value of a Chinese digit (not a scale): 〇零一二两兩三四五六七八九.
pub fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The multiplier of a scale character.
pub fn scale(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1_000.0,
        '万' | '萬' => 10_000.0,
        '亿' | '億' => 100_000_000.0,
        _ => return None,
    })
}

/// A Chinese numeral at `at` (三百六十, 两万, 十五): its value and length in chars. A run must
/// hold at least one digit or start with 十, and two digits never stand side by side (十四五 is
/// a plan's name, not a number).
pub fn chinese_number(chars: &[char], at: usize) -> Option<(f64, usize)> {
    let mut i = at;
    let (mut total, mut section, mut digit): (f64, f64, Option<f64>) = (0.0, 0.0, None);
    let mut any_digit = false;
    while i < chars.len() {
        let c = chars[i];
        if let Some(d) = chinese_digit(c) {
            if digit.is_some_and(|d| d != 0.0) && d != 0 {
                return None;
            }
            digit = Some(d as f64);
            any_digit = true;
        } else if let Some(s) = scale(c) {
            if i == at && c != '十' {
                return None;
            }
            let n = digit.take().unwrap_or(if s == 10.0 { 1.0 } else { 0.0 });
            if s >= 10_000.0 {
                let group = section + n;
                total = (total + if group == 0.0 { 1.0 } else { group }) * s;
                section = 0.0;
            } else {
                section += n * s;
            }
            any_digit = true;
        } else {
            break;
        }
        i += 1;
    }
    if !any_digit || i == at {
        return None;
    }
    Some((total + section + digit.unwrap_or(0.0), i - at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn arabic() {
        assert_eq!(arabic_number(&chars("5700億元"), 0), Some((5700.0, 4)));
        assert_eq!(arabic_number(&chars("5,700.5家"), 0), Some((5700.5, 7)));
        assert_eq!(arabic_number(&chars("１０４家"), 0), Some((104.0, 3)));
        assert_eq!(arabic_number(&chars("26,27家"), 0), Some((26.0, 2)));
    }

    #[test]
    fn chinese() {
        assert_eq!(chinese_number(&chars("七成"), 0), Some((7.0, 1)));
        assert_eq!(chinese_number(&chars("三百六十一"), 0), Some((361.0, 5)));
        assert_eq!(chinese_number(&chars("十五"), 0), Some((15.0, 2)));
        assert_eq!(chinese_number(&chars("两万"), 0), Some((20000.0, 2)));
        assert_eq!(chinese_number(&chars("一千二百亿"), 0), Some((120_000_000_000.0, 5)));
        assert_eq!(chinese_number(&chars("十四五"), 0), None);
        assert_eq!(chinese_number(&chars("萬千億級"), 0), None);
    }
}
