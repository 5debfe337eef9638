"""Text wrapping and filling (pure-Python `textwrap`), without regular expressions.

CPython splits text into chunks with a verbose regular expression; here a
hand-written scanner (`_split_hyphenated`) produces exactly the same chunks:

* a run of whitespace (only the six ASCII whitespace characters count);
* an em-dash: two or more '-' preceded by a word or punctuation character
  and followed by a word character;
* a word, ended by whitespace or the end of the text, by an em-dash that
  follows, or just after a hyphen that joins two letters (as in
  "long-winded"; hyphens directly next to digits do not split).

"Letter" means a word character that is not a decimal digit, as `[^\\d\\W]`
does.  The line filling itself follows CPython's algorithm step by step.
The regular expressions of TextWrapper (wordsep_re, ...) are not provided.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# Only these count as whitespace, not the Unicode spaces (which
# str.split() would use).
_whitespace = '\t\n\x0b\x0c\r '
_WS = frozenset(_whitespace)
_WORD_PUNCT_EXTRA = frozenset('!"\'&.,?')


def _is_word(ch):
    return ch.isalnum() or ch == '_'


def _is_letter(ch):
    return (ch.isalnum() or ch == '_') and not ch.isdecimal()


def _is_word_punct(ch):
    return ch in _WORD_PUNCT_EXTRA or ch.isalnum() or ch == '_'


def _dash_run(text, i):
    """Number of consecutive '-' starting at i."""
    j = i
    n = len(text)
    while j < n and text[j] == '-':
        j += 1
    return j - i


def _em_dash_at(text, i):
    """Two or more dashes at i followed by a word character."""
    run = _dash_run(text, i)
    end = i + run
    return run >= 2 and end < len(text) and _is_word(text[end])


def _hyphen_splits_at(text, e):
    """Whether a word may end just after the hyphen at text[e]."""
    n = len(text)
    # Before the hyphen: two letters, or letter-hyphen-letter.
    before = (e >= 2 and _is_letter(text[e - 2]) and _is_letter(text[e - 1])) or \
             (e >= 3 and _is_letter(text[e - 3]) and text[e - 2] == '-' and _is_letter(text[e - 1]))
    if not before:
        return False
    # After it: a letter, an optional hyphen, and a letter.
    if e + 2 >= n or not _is_letter(text[e + 1]):
        return False
    if text[e + 2] == '-':
        if e + 3 < n and _is_letter(text[e + 3]):
            return True
    return _is_letter(text[e + 2])


def _split_hyphenated(text):
    chunks = []
    n = len(text)
    p = 0
    while p < n:
        ch = text[p]
        if ch in _WS:
            q = p + 1
            while q < n and text[q] in _WS:
                q += 1
            chunks.append(text[p:q])
            p = q
            continue
        if ch == '-' and p > 0 and _is_word_punct(text[p - 1]) and _em_dash_at(text, p):
            q = p + _dash_run(text, p)
            chunks.append(text[p:q])
            p = q
            continue
        # A word: the shortest run of non-whitespace that ends at a break.
        e = p + 1
        while True:
            if e < n and text[e] == '-' and _hyphen_splits_at(text, e):
                e += 1
                break
            if e == n or text[e] in _WS:
                break
            if _is_word_punct(text[e - 1]) and text[e] == '-' and _em_dash_at(text, e):
                break
            e += 1
        chunks.append(text[p:e])
        p = e
    return chunks


def _split_simple(text):
    """Alternating runs of non-whitespace and whitespace."""
    chunks = []
    n = len(text)
    p = 0
    while p < n:
        in_ws = text[p] in _WS
        q = p + 1
        while q < n and (text[q] in _WS) == in_ws:
            q += 1
        chunks.append(text[p:q])
        p = q
    return chunks


def _ends_sentence(chunk):
    """A lowercase ASCII letter, then '.', '!' or '?', then an optional quote, at the end."""
    if chunk and chunk[-1] in '"\'':
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in '.!?' and 'a' <= chunk[-2] <= 'z'


class TextWrapper:
    """Wraps and fills paragraphs of text.

    wrap() and fill() are the interface; the underscore methods are the
    steps (whitespace munging, chunk splitting, sentence fixing, long-word
    handling, line filling) that subclasses may override.

    Attributes (settable at construction or later):
      width (default 70): the longest a line may be.
      initial_indent, subsequent_indent (default ""): put before the first
        line and before the others; they count towards width.
      expand_tabs (default True), tabsize (default 8): expand tabs first.
      replace_whitespace (default True): turn each whitespace character
        into a space (after tab expansion).
      drop_whitespace (default True): drop whitespace at line starts and ends.
      fix_sentence_endings (default False): two spaces after sentence ends.
      break_long_words (default True): split words longer than width.
      break_on_hyphens (default True): allow breaks after hyphens in words.
      max_lines (default None): truncate the result to this many lines,
        ending it with placeholder (default ' [...]').
    """

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))
    uspace = ord(' ')

    def __init__(self,
                 width=70,
                 initial_indent="",
                 subsequent_indent="",
                 expand_tabs=True,
                 replace_whitespace=True,
                 fix_sentence_endings=False,
                 break_long_words=True,
                 drop_whitespace=True,
                 break_on_hyphens=True,
                 tabsize=8,
                 *,
                 max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    # -- private methods (overridable by subclasses) --

    def _munge_whitespace(self, text):
        """Expand tabs and turn whitespace characters into spaces, as configured."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """Split text into the chunks that lines are built from: words,
        whitespace runs, em-dashes and (with break_on_hyphens) the pieces of
        hyphenated words."""
        if self.break_on_hyphens is True:
            chunks = _split_hyphenated(text)
        else:
            chunks = _split_simple(text)
        return [chunk for chunk in chunks if chunk]

    def _fix_sentence_endings(self, chunks):
        """Make each single-space chunk after a sentence end two spaces wide."""
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Deal with a chunk too long for any line: put as much as fits on the
        current line (breaking after a hyphen when possible), or, when long
        words may not be broken, give it a line of its own."""
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Prefer to break after the last hyphen that fits, unless
                # the chunk has nothing but hyphens before it.
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(ch != '-' for ch in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())
        # Otherwise the long chunk goes on the next line (which may still
        # overflow if it is wider than width).

    def _wrap_chunks(self, chunks):
        """Fill lines from chunks (consumed) and return them, without newlines."""
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")

        # Reversed, so that the next chunk can be popped from the end.
        chunks.reverse()

        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)

            # Whitespace at the start of a line other than the first is dropped.
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]

            while chunks:
                length = len(chunks[-1])
                if cur_len + length <= width:
                    cur_line.append(chunks.pop())
                    cur_len += length
                else:
                    break

            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))

            # Whitespace at the end of a line is dropped too.
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]

            if cur_line:
                if (self.max_lines is None
                        or len(lines) + 1 < self.max_lines
                        or (not chunks
                            or self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip())
                        and cur_len <= width):
                    lines.append(indent + ''.join(cur_line))
                else:
                    # The last allowed line, with text left over: end it with
                    # the placeholder, dropping chunks until it fits.
                    while cur_line:
                        if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                            cur_line.append(self.placeholder)
                            lines.append(indent + ''.join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break

        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    # -- public interface --

    def wrap(self, text):
        """Wrap text into a list of lines of at most self.width characters
        (apart from words too long to break), without final newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """The lines of wrap(text) joined with newlines."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a single paragraph of text into a list of lines (see TextWrapper
    for the keyword arguments)."""
    w = TextWrapper(width=width, **kwargs)
    return w.wrap(text)


def fill(text, width=70, **kwargs):
    """Wrap a single paragraph of text into one string with newlines (see
    TextWrapper for the keyword arguments)."""
    w = TextWrapper(width=width, **kwargs)
    return w.fill(text)


def shorten(text, width, **kwargs):
    """Collapse whitespace in text and truncate it to fit in width,
    ending it with the placeholder when words had to be dropped.

        >>> shorten("Hello  world!", width=12)
        'Hello world!'
        >>> shorten("Hello  world!", width=11)
        'Hello [...]'
    """
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


# -- dedent and indent --

def _blank_out_whitespace_lines(text):
    """Empty every line that holds only spaces and tabs (newlines kept)."""
    lines = text.split('\n')
    for i, line in enumerate(lines):
        if line and not line.strip(' \t'):
            lines[i] = ''
    return '\n'.join(lines)


def dedent(text):
    """Strip the indentation that all lines of text have in common.

    Lines holding only spaces and tabs become empty and do not count.  A tab
    and a space are different characters here: "  a" and "\ta" share no
    indentation.
    """
    text = _blank_out_whitespace_lines(text)
    lines = text.split('\n')
    margin = None
    for line in lines:
        stripped = line.lstrip(' \t')
        if not stripped:
            continue
        indent = line[:len(line) - len(stripped)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            # Keep the common prefix of the two.
            for i, (x, y) in enumerate(zip(margin, indent)):
                if x != y:
                    margin = margin[:i]
                    break
    if margin:
        size = len(margin)
        lines = [line[size:] if line.startswith(margin) else line for line in lines]
        text = '\n'.join(lines)
    return text


def indent(text, prefix, predicate=None):
    """Put prefix in front of the lines of text for which predicate(line) is
    true; by default, of every line that is not empty or whitespace only.
    Line endings are kept."""
    if predicate is None:
        def predicate(line):
            return line.strip()

    def prefixed_lines():
        for line in text.splitlines(True):
            yield (prefix + line if predicate(line) else line)
    return ''.join(prefixed_lines())
