//! A minimal XML well-formedness check for tests: balanced, properly
//! nested tags, quoted attributes, known entities, nothing after the root.

pub fn well_formed(text: &str) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let mut roots = 0;
    let mut rest = text;
    while let Some(lt) = rest.find('<') {
        check_text(&rest[..lt])?;
        if stack.is_empty() && !rest[..lt].trim().is_empty() {
            return Err(format!("text outside the root element: {:?}", &rest[..lt]));
        }
        let after = &rest[lt..];
        let (tag, len) = if after.starts_with("<?") {
            let end = after.find("?>").ok_or("unterminated <?")?;
            rest = &after[end + 2..];
            continue;
        } else if after.starts_with("<!--") {
            let end = after.find("-->").ok_or("unterminated comment")?;
            rest = &after[end + 3..];
            continue;
        } else {
            let end = tag_end(after).ok_or_else(|| format!("unterminated tag: {:.40}", after))?;
            (&after[1..end], end + 1)
        };
        rest = &after[len..];
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim();
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name: String = tag.chars().take_while(|c| !c.is_whitespace()).collect();
        if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || "-_:.".contains(c)) {
            return Err(format!("bad tag name {name:?}"));
        }
        check_attributes(&tag[name.len()..])?;
        if stack.is_empty() {
            roots += 1;
        }
        if !self_closing {
            stack.push(name);
        }
    }
    if !rest.trim().is_empty() {
        return Err("text after the root element".into());
    }
    match (stack.len(), roots) {
        (0, 1) => Ok(()),
        (0, n) => Err(format!("{n} root elements")),
        _ => Err(format!("unclosed: {stack:?}")),
    }
}

/// The index of the `>` ending the tag at the start of `s`, skipping
/// quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

fn check_attributes(mut s: &str) -> Result<(), String> {
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return Ok(());
        }
        let eq = s.find('=').ok_or_else(|| format!("attribute without value: {s:?}"))?;
        let name = s[..eq].trim();
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(format!("bad attribute name {name:?}"));
        }
        let v = s[eq + 1..].trim_start();
        let q = v.chars().next().filter(|c| *c == '"' || *c == '\'').ok_or("unquoted attribute")?;
        let end = v[1..].find(q).ok_or("unterminated attribute")? + 1;
        let value = &v[1..end];
        if value.contains('<') {
            return Err("'<' in an attribute".into());
        }
        check_text(value)?;
        s = &v[end + 1..];
        if !s.is_empty() && !s.starts_with(char::is_whitespace) {
            return Err("attributes not separated by spaces".into());
        }
    }
}

fn check_text(s: &str) -> Result<(), String> {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        let after = &rest[amp + 1..];
        let semi = after.find(';').ok_or("'&' without ';'")?;
        let ent = &after[..semi];
        let ok = matches!(ent, "amp" | "lt" | "gt" | "quot" | "apos")
            || ent.strip_prefix("#x").is_some_and(|h| u32::from_str_radix(h, 16).is_ok())
            || ent.strip_prefix('#').is_some_and(|d| d.parse::<u32>().is_ok());
        if !ok {
            return Err(format!("unknown entity &{ent};"));
        }
        rest = &after[semi + 1..];
    }
    Ok(())
}
