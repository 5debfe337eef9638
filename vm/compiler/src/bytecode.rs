//! Skein bytecode: the instruction set and the code object.
//!
//! This module is the contract between the compiler and the interpreter.
//! `docs/bytecode.md` explains the execution model in prose; the doc comment
//! of every [`Opcode`] variant gives its exact stack effect, written
//! `(before -- after)` with the top of the stack on the right, and its
//! semantics.  The design follows CPython 3.12 wherever there was no reason
//! to differ; every difference is called out in the variant's doc.
//!
//! Invariants of a [`CodeObject`] produced by the compiler:
//! * `code` is a sequence of 32-bit units.  A unit is an [`Instr`]: the low
//!   8 bits are the opcode, the high 24 bits the argument.  An argument that
//!   does not fit in 24 bits is preceded by one `EXTENDED_ARG` unit carrying
//!   its high bits.
//! * Every opcode for which [`Opcode::has_cache`] is true is followed by
//!   exactly one `CACHE` unit whose argument is a distinct index in
//!   `0..n_cache_slots`.  The instruction owns the unit: the interpreter
//!   skips it when it advances past the instruction.
//! * Jump arguments are absolute unit indices of the target instruction (of
//!   its `EXTENDED_ARG` prefix if it has one), never of a `CACHE` unit.
//! * `locations` has one entry per unit of `code` (cache units repeat the
//!   location of their instruction).
//! * `exception_table` entries are sorted by `start`, do not overlap, and
//!   each covers the innermost handler for its range.
//! * The code object is immutable plain data (`Send + Sync`); run-time caches
//!   live outside it, indexed by cache slot.

use std::fmt::Write as _;
use std::sync::Arc;

use num_bigint::BigInt;

/// One instruction unit: opcode in the low 8 bits, argument in the high 24.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Instr(pub u32);

/// Largest argument that fits in a single unit.
pub const MAX_UNIT_ARG: u32 = (1 << 24) - 1;

impl Instr {
    /// Builds a unit; `arg` must be at most [`MAX_UNIT_ARG`] (higher bits
    /// are dropped; the assembler emits `EXTENDED_ARG` for them).
    #[inline]
    pub const fn new(op: Opcode, arg: u32) -> Instr {
        Instr((op as u32) | (arg << 8))
    }
    /// The raw opcode byte.
    #[inline]
    pub const fn op_byte(self) -> u8 {
        self.0 as u8
    }
    /// The opcode, or `None` for a byte that is not an opcode.
    #[inline]
    pub fn op(self) -> Option<Opcode> {
        Opcode::from_u8(self.op_byte())
    }
    /// The 24-bit argument of this unit.
    #[inline]
    pub const fn arg(self) -> u32 {
        self.0 >> 8
    }
}

macro_rules! define_opcodes {
    ($( $(#[$doc:meta])* $name:ident = $val:literal, )*) => {
        /// The instruction set.  Names are those `dis` shows.
        #[repr(u8)]
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
        pub enum Opcode {
            $( $(#[$doc])* $name = $val, )*
        }

        impl Opcode {
            /// Every opcode, indexed by its byte value.
            pub const ALL: &'static [Opcode] = &[ $( Opcode::$name, )* ];

            /// The name as `dis` prints it.
            pub const fn name(self) -> &'static str {
                match self { $( Opcode::$name => stringify!($name), )* }
            }
        }
    };
}

define_opcodes! {
    /// `( -- )` Does nothing.
    NOP = 0,
    /// `( -- )` Never executed: the cache unit that follows an instruction
    /// with [`Opcode::has_cache`].  Its argument is the cache slot index
    /// (`0..n_cache_slots`) of the owning instruction.  The owner reads it at
    /// `ip + 1` and continues at `ip + 2`.
    CACHE = 1,
    /// `( -- )` Prefix: the next unit's argument is
    /// `(this_arg << 24) | next_arg`.  Only emitted for arguments above
    /// [`MAX_UNIT_ARG`]; one prefix suffices for any `u32`.
    EXTENDED_ARG = 2,

    // ---- stack manipulation -------------------------------------------
    /// `(v -- )` Discards the top of the stack.
    POP_TOP = 3,
    /// `( -- NULL)` Pushes a NULL marker (used below a callable for `CALL`).
    PUSH_NULL = 4,
    /// `(x_n ... x_1 -- x_n ... x_1 x_n)` Pushes a copy of `stack[-n]`;
    /// `n >= 1` (`COPY 1` duplicates the top).
    COPY = 5,
    /// Swaps `stack[-1]` with `stack[-n]`; `n >= 2`.
    SWAP = 6,

    // ---- constants and local variables --------------------------------
    /// `( -- constants[i])`
    LOAD_CONST = 7,
    /// `( -- localsplus[i])` The slot is known to be bound (the compiler
    /// proved it); no check needed.
    LOAD_FAST = 8,
    /// `( -- localsplus[i])` Raises `UnboundLocalError("cannot access local
    /// variable 'x' where it is not associated with a value")` if unbound.
    LOAD_FAST_CHECK = 9,
    /// `(v -- )` `localsplus[i] = v`.
    STORE_FAST = 10,
    /// `( -- )` Unbinds `localsplus[i]`; raises `UnboundLocalError` (same
    /// message as `LOAD_FAST_CHECK`) if it was unbound.
    DELETE_FAST = 11,
    /// Superinstruction `( -- localsplus[a] localsplus[b])` with
    /// `a = arg >> 12`, `b = arg & 0xfff`.  Both slots are known bound
    /// (plain `LOAD_FAST` semantics).
    LOAD_FAST__LOAD_FAST = 12,
    /// Superinstruction `(v1 v2 -- )`: `localsplus[a] = v2;
    /// localsplus[b] = v1` with `a = arg >> 12`, `b = arg & 0xfff` (two
    /// consecutive `STORE_FAST a; STORE_FAST b`).
    STORE_FAST__STORE_FAST = 13,
    /// Superinstruction `(v -- localsplus[b])`: `STORE_FAST a; LOAD_FAST b`
    /// with `a = arg >> 12`, `b = arg & 0xfff`.
    STORE_FAST__LOAD_FAST = 14,
    /// Superinstruction `( -- localsplus[a] constants[b])`:
    /// `LOAD_FAST a; LOAD_CONST b`, `a = arg >> 12`, `b = arg & 0xfff`.
    LOAD_FAST__LOAD_CONST = 15,

    // ---- names (module and class bodies, `exec`) ----------------------
    /// `( -- value)` + CACHE.  Looks up `names[i]` in the frame's locals
    /// mapping, then globals, then builtins; raises
    /// `NameError("name 'x' is not defined")`.
    LOAD_NAME = 16,
    /// `(v -- )` `locals[names[i]] = v` (the frame's locals mapping).
    STORE_NAME = 17,
    /// `( -- )` `del locals[names[i]]`; `NameError` if absent.
    DELETE_NAME = 18,
    /// `( -- [NULL] value)` + CACHE.  `names[arg >> 1]` from globals, then
    /// builtins; `NameError` if absent.  If `arg & 1`, a NULL is pushed
    /// *before* the value (so the value can be called with `CALL`).
    LOAD_GLOBAL = 19,
    /// `(v -- )` `globals[names[i]] = v`.
    STORE_GLOBAL = 20,
    /// `( -- )` `del globals[names[i]]`; `NameError` if absent.
    DELETE_GLOBAL = 21,

    // ---- cells and closures -------------------------------------------
    /// `( -- )` Replaces `localsplus[i]` by a new cell holding its old
    /// content (or an empty cell if the slot was unbound).  Emitted at the
    /// start of a function for every cell variable.
    MAKE_CELL = 22,
    /// `( -- )` Copies the `n` cells of the running function's closure
    /// tuple into the last `n` slots of `localsplus` (the free variables,
    /// in `freevars` order).  First instruction of a nested code object
    /// with free variables.
    COPY_FREE_VARS = 23,
    /// `( -- cell)` Pushes the cell object in `localsplus[i]` itself (to
    /// build a closure tuple).
    LOAD_CLOSURE = 24,
    /// `( -- value)` Loads the content of the cell in `localsplus[i]`.
    /// Raises `NameError("cannot access free variable 'x' where it is not
    /// associated with a value in enclosing scope")` for a free variable, or
    /// `UnboundLocalError` (as `LOAD_FAST_CHECK`) for an own cell variable.
    LOAD_DEREF = 25,
    /// `(v -- )` Stores into the cell in `localsplus[i]`.
    STORE_DEREF = 26,
    /// `( -- )` Empties the cell in `localsplus[i]`; raises as `LOAD_DEREF`
    /// if already empty.
    DELETE_DEREF = 27,
    /// `( -- value)` CPython 3.11's `LOAD_CLASSDEREF` (3.12 spells it
    /// `LOAD_LOCALS; LOAD_FROM_DICT_OR_DEREF`): in a class body, looks up the
    /// name of `localsplus[i]` in the frame's locals mapping first; if absent,
    /// loads the cell's content as `LOAD_DEREF`.
    LOAD_CLASSDEREF = 28,

    // ---- attributes ----------------------------------------------------
    /// + CACHE.  `names[arg >> 1]`.  If `arg & 1 == 0`:
    /// `(obj -- obj.name)`.  If `arg & 1 == 1` (method form, CPython's
    /// `LOAD_METHOD`): `(obj -- meth obj)` when `type(obj)` has a plain
    /// function (method descriptor) `name` not shadowed by the instance,
    /// else `(obj -- NULL obj.name)`.  Either way the two values are what
    /// `CALL` expects below the arguments.
    LOAD_ATTR = 29,
    /// `(value obj -- )` + CACHE.  `obj.names[i] = value`.
    STORE_ATTR = 30,
    /// `(obj -- )` `del obj.names[i]`.
    DELETE_ATTR = 31,

    // ---- operators -----------------------------------------------------
    /// `(v -- -v)`
    UNARY_NEGATIVE = 32,
    /// `(v -- not v)` Result is a bool.
    UNARY_NOT = 33,
    /// `(v -- ~v)`
    UNARY_INVERT = 34,
    /// `(lhs rhs -- lhs op rhs)` + CACHE.  `arg` is a [`BinaryOp`]; the
    /// `Inplace*` variants try `__iadd__` & co. first.
    BINARY_OP = 35,
    /// `(lhs rhs -- lhs op rhs)` + CACHE.  `arg` is a [`CompareOp`].  The
    /// result is whatever the rich comparison returns (not coerced to bool).
    COMPARE_OP = 36,
    /// `(lhs rhs -- bool)` `lhs is rhs`, or `is not` if `arg == 1`.
    IS_OP = 37,
    /// `(lhs rhs -- bool)` `lhs in rhs`, or `not in` if `arg == 1`.
    CONTAINS_OP = 38,
    /// `(container key -- container[key])` + CACHE.
    BINARY_SUBSCR = 39,
    /// `(value container key -- )` + CACHE.  `container[key] = value`.
    STORE_SUBSCR = 40,
    /// `(container key -- )` `del container[key]`.
    DELETE_SUBSCR = 41,
    /// `(container start stop -- container[start:stop])`
    BINARY_SLICE = 42,
    /// `(value container start stop -- )` `container[start:stop] = value`.
    STORE_SLICE = 43,

    // ---- building containers ------------------------------------------
    /// `(x_1 ... x_n -- (x_1, ..., x_n))`
    BUILD_TUPLE = 44,
    /// `(x_1 ... x_n -- [x_1, ..., x_n])`
    BUILD_LIST = 45,
    /// `(x_1 ... x_n -- {x_1, ..., x_n})` Inserted left to right.
    BUILD_SET = 46,
    /// `(k_1 v_1 ... k_n v_n -- dict)` Inserted left to right (a later
    /// duplicate key overwrites the value, keeping the first position).
    BUILD_MAP = 47,
    /// `(v_1 ... v_n keys -- dict)` `keys` is a tuple of `n` keys.
    BUILD_CONST_KEY_MAP = 48,
    /// `(s_1 ... s_n -- s_1 + ... + s_n)` Concatenates `n` strs (f-strings).
    BUILD_STRING = 49,
    /// `arg == 2`: `(start stop -- slice)`; `arg == 3`:
    /// `(start stop step -- slice)`.
    BUILD_SLICE = 50,
    /// `(list x_1 .. x_i-1 v -- list x_1 .. x_i-1)` Pops `v`, then appends
    /// it to the list at `stack[-i]` (counted after the pop).  Used by list
    /// comprehensions (`i` = 1 + number of iterators on the stack).
    LIST_APPEND = 51,
    /// Like `LIST_APPEND` but `set.add(v)` on the set at `stack[-i]`.
    SET_ADD = 52,
    /// `(dict ... key value -- dict ...)` Pops `value` then `key`, and sets
    /// `dict[key] = value` on the dict at `stack[-i]` (counted after the
    /// pops).
    MAP_ADD = 53,
    /// `(list ... iterable -- list ...)` Pops `iterable`, extends the list
    /// at `stack[-i]` (after the pop) with it.
    LIST_EXTEND = 54,
    /// `(set ... iterable -- set ...)` As `LIST_EXTEND` for a set.
    SET_UPDATE = 55,
    /// `(dict ... mapping -- dict ...)` Pops `mapping`, `dict.update(mapping)`
    /// on the dict at `stack[-i]` (after the pop).  If `mapping` is not a
    /// mapping raises `TypeError("'T' object is not a mapping")`.
    DICT_UPDATE = 56,
    /// As `DICT_UPDATE`, for `f(**m)`: raises `TypeError("f() got multiple
    /// values for keyword argument 'k'")` on a duplicate key and
    /// `TypeError("f() argument after ** must be a mapping, not T")`; the
    /// callable named in the message is at `stack[-(i + 2)]` (after the pop).
    DICT_MERGE = 57,

    // ---- unpacking -----------------------------------------------------
    /// `(seq -- x_n ... x_1)` Unpacks exactly `n` items, the first ending
    /// on top.  Errors: `ValueError("not enough values to unpack (expected
    /// n, got m)")`, `ValueError("too many values to unpack (expected n)")`,
    /// `TypeError("cannot unpack non-iterable T object")`.
    UNPACK_SEQUENCE = 58,
    /// `(seq -- a_m ... a_1 list b_k ... b_1)` Star unpacking with
    /// `k = arg & 0xff` targets before the star and `m = arg >> 8` after;
    /// `b_1` (the first item) ends on top, then the list of middle items,
    /// then the trailing items.  Error: `ValueError("not enough values to
    /// unpack (expected at least k+m, got n)")`.
    UNPACK_EX = 59,

    // ---- iteration and jumps --------------------------------------------
    /// `(iterable -- iter(iterable))`
    GET_ITER = 60,
    /// `(iter -- iter next)` or, when the iterator is exhausted,
    /// `(iter -- )` and jump to `arg`.  Differs from 3.12 (which leaves the
    /// iterator for an `END_FOR`): like 3.11, the iterator is popped here.
    /// An exception other than `StopIteration` propagates.
    FOR_ITER = 61,
    /// `( -- )` Jump to `arg` (a later unit).
    JUMP_FORWARD = 62,
    /// `( -- )` Jump to `arg` (an earlier or equal unit).  Checks the eval
    /// breaker (signals, GIL drop, stop-the-world requests) first.
    JUMP_BACKWARD = 63,
    /// `( -- )` As `JUMP_BACKWARD` without the eval-breaker check (the
    /// `yield from` loop, where suspension already happens).
    JUMP_BACKWARD_NO_INTERRUPT = 64,
    /// `(v -- )` Jump to `arg` if `v` is true (`bool(v)`, may raise).
    POP_JUMP_IF_TRUE = 65,
    /// `(v -- )` Jump to `arg` if `v` is false.
    POP_JUMP_IF_FALSE = 66,
    /// `(v -- )` Jump to `arg` if `v is None`.
    POP_JUMP_IF_NONE = 67,
    /// `(v -- )` Jump to `arg` if `v is not None`.
    POP_JUMP_IF_NOT_NONE = 68,

    // ---- calls and functions ---------------------------------------------
    /// `( -- )` Records `constants[i]` (a tuple of str) as the keyword
    /// names of the immediately following `CALL`.
    KW_NAMES = 69,
    /// + CACHE.  `(NULL callable a_1 .. a_n -- result)` or
    /// `(meth self a_1 .. a_n -- result)`, `n = arg`.  In the first form
    /// calls `callable(a_1 .. a_n)`; in the second `meth(self, a_1 .. a_n)`.
    /// If the preceding instruction was `KW_NAMES k`, the last `len(k)`
    /// arguments are passed by keyword with the names in `constants[k]`
    /// (`n` counts them).
    CALL = 70,
    /// `(NULL callable args -- result)` if `arg & 1 == 0`, or
    /// `(NULL callable args kwargs -- result)` if `arg & 1 == 1`: calls
    /// `callable(*args, **kwargs)`.  `kwargs` is a fresh dict built by the
    /// compiler.  `args` is a tuple, except for `f(*x)` where it is `x`
    /// itself: convert it, raising `TypeError("f() argument after * must be
    /// an iterable, not T")` if it is not iterable.
    CALL_FUNCTION_EX = 71,
    /// `([defaults] [kwdefaults] [annotations] [closure] code -- function)`
    /// The optional operands are present when the [`MakeFunctionFlags`]
    /// bit is set, in this order: `defaults` tuple (0x01), `kwdefaults` dict
    /// (0x02), `annotations` tuple of alternating names and values (0x04),
    /// `closure` tuple of cells (0x08).  Name and qualname come from `code`;
    /// `__module__` from `globals['__name__']`; `__doc__` from
    /// `code.docstring`.
    MAKE_FUNCTION = 72,
    /// `(v -- )` Returns `v` from the frame.  In a generator: finishes it,
    /// raising `StopIteration(v)` in the caller of `send` (`v` not None).
    RETURN_VALUE = 73,
    /// `( -- )` Returns `constants[i]` (as `LOAD_CONST i; RETURN_VALUE`).
    RETURN_CONST = 74,
    /// `(v -- f(v))` Calls the intrinsic function `arg`, an
    /// [`Intrinsic1`].
    CALL_INTRINSIC_1 = 75,
    /// `(v1 v2 -- f(v1, v2))` Calls the intrinsic function `arg`, an
    /// [`Intrinsic2`].
    CALL_INTRINSIC_2 = 76,

    // ---- imports -------------------------------------------------------
    /// `(level fromlist -- module)` `__import__(names[i], globals(),
    /// locals(), fromlist, level)`.
    IMPORT_NAME = 77,
    /// `(module -- module attr)` `attr = module.names[i]`; on
    /// `AttributeError` falls back to `sys.modules[f"{module.__name__}.{name}"]`
    /// and otherwise raises `ImportError("cannot import name 'x' from 'm'
    /// (path)")`.
    IMPORT_FROM = 78,

    // ---- classes, annotations, assertions ---------------------------------
    /// `( -- builtins.__build_class__)` `NameError("__build_class__ not
    /// found")` if missing.
    LOAD_BUILD_CLASS = 79,
    /// `( -- )` If `__annotations__` is not in the locals mapping, sets it
    /// to a new dict.
    SETUP_ANNOTATIONS = 80,
    /// `( -- AssertionError)` Pushes the builtin class (not looked up by
    /// name, as CPython).
    LOAD_ASSERTION_ERROR = 81,

    // ---- exceptions --------------------------------------------------------
    /// `arg == 0`: `( -- )` re-raises the exception being handled (the
    /// thread's current handled exception; `RuntimeError("No active
    /// exception to reraise")` if none).  `arg == 1`: `(exc -- )` raises
    /// `exc` (a class is instantiated with no arguments).  `arg == 2`:
    /// `(exc cause -- )` raises `exc` with `__cause__ = cause` (None allowed)
    /// and `__suppress_context__ = True`.
    RAISE_VARARGS = 82,
    /// `(lasti? ... exc -- )` Re-raises `exc` (an exception instance) without
    /// adding a traceback entry.  If `arg > 0`, `stack[-(arg + 1)]` is an
    /// int: the unit index to record as the frame's current instruction
    /// (for `f_lineno`/`f_lasti`; the exception table lookup still uses the
    /// `RERAISE` itself).
    RERAISE = 83,
    /// `(exc -- prev_exc exc)` Pushes the thread's current handled exception
    /// (None if none) below `exc`, then makes `exc` the handled exception.
    PUSH_EXC_INFO = 84,
    /// `(prev_exc -- )` Restores `prev_exc` as the handled exception.
    POP_EXCEPT = 85,
    /// `(exc type -- exc bool)` `isinstance(exc, type)`, where `type` may be
    /// a tuple; raises `TypeError("catching classes that do not inherit from
    /// BaseException is not allowed")` for a non-exception type.
    CHECK_EXC_MATCH = 86,
    /// `(exc type -- rest match)` For `except*`: splits the exception group
    /// `exc` by `type`.  `match` is None if nothing matched (then `rest` is
    /// `exc`).  A naked exception that matches is wrapped in an
    /// `ExceptionGroup("", [exc])`.
    CHECK_EG_MATCH = 87,
    /// `(exit lasti prev_exc exc -- exit lasti prev_exc exc res)` Calls
    /// `exit(type(exc), exc, exc.__traceback__)` (the `__exit__` of a
    /// `with`).
    WITH_EXCEPT_START = 88,
    /// `(mgr -- exit enter_result)` Looks up `type(mgr).__exit__` and
    /// `__enter__` (`TypeError("'T' object does not support the context
    /// manager protocol")` if missing), pushes the bound `__exit__` and the
    /// result of calling `__enter__`.
    BEFORE_WITH = 89,

    // ---- generators ------------------------------------------------------
    /// `(iterable -- iter)` `iter(iterable)`, except that a generator (or a
    /// coroutine inside a coroutine-flagged code) is left as is.
    GET_YIELD_FROM_ITER = 90,
    /// `(receiver v -- receiver result)` Sends `v` into `receiver`
    /// (`next(receiver)` if `v is None` and receiver is not a generator,
    /// else `receiver.send(v)`).  If it yields, pushes the yielded value and
    /// continues.  If it raises `StopIteration`, pushes its `value` and jumps
    /// to `arg` (an `END_SEND`).  Other exceptions propagate.
    SEND = 91,
    /// `(v -- sent)` Suspends the generator, producing `v`.  On resumption
    /// by `send(x)`/`__next__` the sent value (None for `__next__`) is
    /// pushed.  `arg == 1` marks the yield inside a `yield from`/`await`
    /// loop: while suspended there the sub-iterator is on top of the
    /// stack, and `throw()`/`close()` are first delegated to it (PEP 380);
    /// if the delegation yields a value the generator yields it and stays
    /// suspended here.  A `throw(e)` that reaches this frame (delegation
    /// raised, or `arg == 0`) pushes None as the sent value and raises `e`
    /// with the current instruction being this `YIELD_VALUE`, so the
    /// exception table entry covering it applies.
    YIELD_VALUE = 92,
    /// `(receiver value -- value)` End of a `yield from` loop.
    END_SEND = 93,
    /// `(sub_iter last_sent exc -- None value)` Exception handler of the
    /// `yield from` loop: if `exc` is a `StopIteration`, pushes None and its
    /// `value`, then falls through to `END_SEND`; otherwise re-raises `exc`
    /// (as `RERAISE 0`).
    CLEANUP_THROW = 94,

    // ---- pattern matching -------------------------------------------------
    /// `(subject cls names -- attrs_or_None)` `names` is a tuple of keyword
    /// attribute names, `arg` the number of positional sub-patterns.  If
    /// `isinstance(subject, cls)` and the attributes exist (positional ones
    /// via `cls.__match_args__`, with the 3.10 self-matching rule for
    /// builtins), pushes the tuple of `arg + len(names)` attribute values;
    /// otherwise None.  Raises `TypeError` for a bad `__match_args__`,
    /// too many positional patterns ("C() accepts 1 positional sub-pattern
    /// (2 given)") or a repeated attribute.
    MATCH_CLASS = 95,
    /// `(subject -- subject bool)` True if `type(subject)` is flagged as a
    /// mapping (dict and `collections.abc.Mapping` subclasses).
    MATCH_MAPPING = 96,
    /// `(subject -- subject bool)` True if `type(subject)` is flagged as a
    /// sequence (list, tuple, range, memoryview, deque,
    /// `collections.abc.Sequence`, but not str/bytes/bytearray).
    MATCH_SEQUENCE = 97,
    /// `(subject keys -- subject keys values_or_None)` `keys` is a tuple;
    /// pushes the tuple of `subject.get(k)` for each key if all are present
    /// (looked up with a private sentinel default), else None.
    MATCH_KEYS = 98,
    /// `(obj -- obj len(obj))`
    GET_LEN = 99,

    // ---- formatting ---------------------------------------------------------
    /// `(value -- str)` or `(value spec -- str)` if `arg & 0x04`.  First
    /// converts `value` by `arg & 0x03` (0 none, 1 `str`, 2 `repr`,
    /// 3 `ascii`), then `format(value, spec)` (spec defaults to "").
    FORMAT_VALUE = 100,

    // ---- async (reserved: not emitted yet, the compiler rejects async) -----
    /// `(obj -- awaitable_iter)` 3.12 `GET_AWAITABLE` (arg: 0 plain await,
    /// 1 after `__aenter__`, 2 after `__aexit__`, for error messages).
    GET_AWAITABLE = 101,
    /// `(obj -- obj.__aiter__())`
    GET_AITER = 102,
    /// `(aiter -- aiter awaitable)` `aiter.__anext__()` as an awaitable.
    GET_ANEXT = 103,
    /// `(mgr -- aexit awaitable)` `async with` setup.
    BEFORE_ASYNC_WITH = 104,
    /// `(aiter exc -- )` End of `async for`: swallows `StopAsyncIteration`,
    /// re-raises anything else.
    END_ASYNC_FOR = 105,
}

impl Opcode {
    /// The opcode for a byte, if any.
    #[inline]
    pub fn from_u8(b: u8) -> Option<Opcode> {
        Opcode::ALL.get(b as usize).copied()
    }

    /// True if the instruction is followed by one `CACHE` unit.
    pub const fn has_cache(self) -> bool {
        matches!(
            self,
            Opcode::LOAD_NAME
                | Opcode::LOAD_GLOBAL
                | Opcode::LOAD_ATTR
                | Opcode::STORE_ATTR
                | Opcode::BINARY_OP
                | Opcode::COMPARE_OP
                | Opcode::BINARY_SUBSCR
                | Opcode::STORE_SUBSCR
                | Opcode::CALL
        )
    }

    /// True if the argument is an absolute jump target.
    pub const fn is_jump(self) -> bool {
        matches!(
            self,
            Opcode::FOR_ITER
                | Opcode::JUMP_FORWARD
                | Opcode::JUMP_BACKWARD
                | Opcode::JUMP_BACKWARD_NO_INTERRUPT
                | Opcode::POP_JUMP_IF_TRUE
                | Opcode::POP_JUMP_IF_FALSE
                | Opcode::POP_JUMP_IF_NONE
                | Opcode::POP_JUMP_IF_NOT_NONE
                | Opcode::SEND
        )
    }

    /// True if control never falls through to the next instruction.
    pub const fn is_terminator(self) -> bool {
        matches!(
            self,
            Opcode::JUMP_FORWARD
                | Opcode::JUMP_BACKWARD
                | Opcode::JUMP_BACKWARD_NO_INTERRUPT
                | Opcode::RETURN_VALUE
                | Opcode::RETURN_CONST
                | Opcode::RAISE_VARARGS
                | Opcode::RERAISE
        )
    }

    /// Net stack effect of the instruction with argument `arg`; `jump`
    /// selects the effect on the branch taken (for conditional jumps,
    /// `FOR_ITER` and `SEND`).  Returns `None` for `CACHE`/`EXTENDED_ARG`.
    pub fn stack_effect(self, arg: u32, jump: bool) -> Option<i32> {
        use Opcode::*;
        let a = arg as i32;
        Some(match self {
            CACHE | EXTENDED_ARG => return None,
            NOP
            | KW_NAMES
            | MAKE_CELL
            | COPY_FREE_VARS
            | SWAP
            | DELETE_FAST
            | DELETE_NAME
            | DELETE_GLOBAL
            | DELETE_DEREF
            | SETUP_ANNOTATIONS
            | JUMP_FORWARD
            | JUMP_BACKWARD
            | JUMP_BACKWARD_NO_INTERRUPT
            | RETURN_CONST
            | UNARY_NEGATIVE
            | UNARY_NOT
            | UNARY_INVERT
            | GET_ITER
            | GET_YIELD_FROM_ITER
            | YIELD_VALUE
            | SEND
            | STORE_FAST__LOAD_FAST
            | CALL_INTRINSIC_1
            | CHECK_EG_MATCH => 0,
            FORMAT_VALUE => -i32::from(arg & FormatFlags::HAVE_SPEC != 0),
            POP_TOP | STORE_FAST | STORE_NAME | STORE_GLOBAL | STORE_DEREF | DELETE_ATTR | BINARY_OP | COMPARE_OP
            | IS_OP | CONTAINS_OP | BINARY_SUBSCR | RETURN_VALUE | LIST_APPEND | SET_ADD | LIST_EXTEND | SET_UPDATE
            | DICT_UPDATE | DICT_MERGE | POP_JUMP_IF_TRUE | POP_JUMP_IF_FALSE | POP_JUMP_IF_NONE
            | POP_JUMP_IF_NOT_NONE | IMPORT_NAME | POP_EXCEPT | END_SEND | CALL_INTRINSIC_2 => -1,
            PUSH_NULL | COPY | LOAD_CONST | LOAD_FAST | LOAD_FAST_CHECK | LOAD_NAME | LOAD_CLOSURE | LOAD_DEREF
            | LOAD_CLASSDEREF | IMPORT_FROM | LOAD_BUILD_CLASS | LOAD_ASSERTION_ERROR | PUSH_EXC_INFO
            | WITH_EXCEPT_START | BEFORE_WITH | MATCH_MAPPING | MATCH_SEQUENCE | MATCH_KEYS | GET_LEN => 1,
            CHECK_EXC_MATCH => 0,
            LOAD_FAST__LOAD_FAST | LOAD_FAST__LOAD_CONST => 2,
            STORE_FAST__STORE_FAST => -2,
            LOAD_GLOBAL => 1 + (a & 1),
            LOAD_ATTR => a & 1,
            STORE_ATTR | DELETE_SUBSCR | MAP_ADD => -2,
            BINARY_SLICE => -2,
            STORE_SUBSCR => -3,
            STORE_SLICE => -4,
            BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING => 1 - a,
            BUILD_MAP => 1 - 2 * a,
            BUILD_CONST_KEY_MAP => -a,
            BUILD_SLICE => 1 - a,
            UNPACK_SEQUENCE => a - 1,
            UNPACK_EX => (a & 0xff) + (a >> 8),
            FOR_ITER => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            CALL => -1 - a,
            CALL_FUNCTION_EX => -2 - (a & 1),
            MAKE_FUNCTION => -((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1)),
            RAISE_VARARGS => -a,
            RERAISE => -1,
            CLEANUP_THROW => -1,
            MATCH_CLASS => -2,
            GET_AWAITABLE | GET_AITER => 0,
            GET_ANEXT | BEFORE_ASYNC_WITH => 1,
            END_ASYNC_FOR => -2,
        })
    }
}

/// Operators of `BINARY_OP`, numbered as CPython's `NB_*`.
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
    InplaceAdd = 13,
    InplaceAnd = 14,
    InplaceFloorDivide = 15,
    InplaceLshift = 16,
    InplaceMatrixMultiply = 17,
    InplaceMultiply = 18,
    InplaceRemainder = 19,
    InplaceOr = 20,
    InplacePower = 21,
    InplaceRshift = 22,
    InplaceSubtract = 23,
    InplaceTrueDivide = 24,
    InplaceXor = 25,
}

impl BinaryOp {
    const ALL: [BinaryOp; 26] = [
        BinaryOp::Add,
        BinaryOp::And,
        BinaryOp::FloorDivide,
        BinaryOp::Lshift,
        BinaryOp::MatrixMultiply,
        BinaryOp::Multiply,
        BinaryOp::Remainder,
        BinaryOp::Or,
        BinaryOp::Power,
        BinaryOp::Rshift,
        BinaryOp::Subtract,
        BinaryOp::TrueDivide,
        BinaryOp::Xor,
        BinaryOp::InplaceAdd,
        BinaryOp::InplaceAnd,
        BinaryOp::InplaceFloorDivide,
        BinaryOp::InplaceLshift,
        BinaryOp::InplaceMatrixMultiply,
        BinaryOp::InplaceMultiply,
        BinaryOp::InplaceRemainder,
        BinaryOp::InplaceOr,
        BinaryOp::InplacePower,
        BinaryOp::InplaceRshift,
        BinaryOp::InplaceSubtract,
        BinaryOp::InplaceTrueDivide,
        BinaryOp::InplaceXor,
    ];

    /// Decodes a `BINARY_OP` argument.
    pub fn from_arg(arg: u32) -> Option<BinaryOp> {
        BinaryOp::ALL.get(arg as usize).copied()
    }

    /// The operator symbol as written in source (`+`, `+=`, ...).
    pub const fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            And => "&",
            FloorDivide => "//",
            Lshift => "<<",
            MatrixMultiply => "@",
            Multiply => "*",
            Remainder => "%",
            Or => "|",
            Power => "**",
            Rshift => ">>",
            Subtract => "-",
            TrueDivide => "/",
            Xor => "^",
            InplaceAdd => "+=",
            InplaceAnd => "&=",
            InplaceFloorDivide => "//=",
            InplaceLshift => "<<=",
            InplaceMatrixMultiply => "@=",
            InplaceMultiply => "*=",
            InplaceRemainder => "%=",
            InplaceOr => "|=",
            InplacePower => "**=",
            InplaceRshift => ">>=",
            InplaceSubtract => "-=",
            InplaceTrueDivide => "/=",
            InplaceXor => "^=",
        }
    }

    /// True for the augmented-assignment variants.
    pub const fn is_inplace(self) -> bool {
        self as u8 >= BinaryOp::InplaceAdd as u8
    }

    /// The non-inplace operator (identity for non-inplace ones).
    pub fn base(self) -> BinaryOp {
        if self.is_inplace() {
            BinaryOp::ALL[self as usize - BinaryOp::InplaceAdd as usize]
        } else {
            self
        }
    }
}

/// Operators of `COMPARE_OP`, numbered as CPython's `Py_LT` .. `Py_GE`.
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    /// Decodes a `COMPARE_OP` argument.
    pub fn from_arg(arg: u32) -> Option<CompareOp> {
        use CompareOp::*;
        Some(match arg {
            0 => Lt,
            1 => Le,
            2 => Eq,
            3 => Ne,
            4 => Gt,
            5 => Ge,
            _ => return None,
        })
    }
    /// The operator symbol.
    pub const fn symbol(self) -> &'static str {
        use CompareOp::*;
        match self {
            Lt => "<",
            Le => "<=",
            Eq => "==",
            Ne => "!=",
            Gt => ">",
            Ge => ">=",
        }
    }
}

/// Functions of `CALL_INTRINSIC_1`, numbered as CPython 3.12.
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Intrinsic1 {
    /// Not a valid intrinsic.
    Invalid = 0,
    /// `(v -- None)` REPL display: if `v` is not None, `sys.displayhook(v)`.
    Print = 1,
    /// `(module -- None)` `from module import *` into the frame's locals
    /// mapping (honours `__all__`, else skips names starting with `_`).
    ImportStar = 2,
    /// `(exc -- exc')` In a generator/coroutine frame (by code flags):
    /// converts a `StopIteration` (or `StopAsyncIteration` in an async
    /// generator) to `RuntimeError("generator raised StopIteration")`
    /// ("coroutine raised StopIteration", "async generator raised
    /// StopAsyncIteration") chained with `__cause__`; other exceptions are
    /// returned unchanged.  Always followed by `RERAISE 1`.
    StopIterationError = 3,
    /// `(v -- wrapped)` Async generators: wraps a value being yielded.
    AsyncGenWrap = 4,
    /// `(v -- +v)`
    UnaryPositive = 5,
    /// `(list -- tuple(list))`
    ListToTuple = 6,
}

impl Intrinsic1 {
    /// Decodes a `CALL_INTRINSIC_1` argument.
    pub fn from_arg(arg: u32) -> Option<Intrinsic1> {
        use Intrinsic1::*;
        Some(match arg {
            1 => Print,
            2 => ImportStar,
            3 => StopIterationError,
            4 => AsyncGenWrap,
            5 => UnaryPositive,
            6 => ListToTuple,
            _ => return None,
        })
    }
    /// The name `dis` shows.
    pub fn name(self) -> &'static str {
        use Intrinsic1::*;
        match self {
            Invalid => "INTRINSIC_1_INVALID",
            Print => "INTRINSIC_PRINT",
            ImportStar => "INTRINSIC_IMPORT_STAR",
            StopIterationError => "INTRINSIC_STOPITERATION_ERROR",
            AsyncGenWrap => "INTRINSIC_ASYNC_GEN_WRAP",
            UnaryPositive => "INTRINSIC_UNARY_POSITIVE",
            ListToTuple => "INTRINSIC_LIST_TO_TUPLE",
        }
    }
}

/// Functions of `CALL_INTRINSIC_2`, numbered as CPython 3.12.
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Intrinsic2 {
    /// Not a valid intrinsic.
    Invalid = 0,
    /// `(orig raised_list -- exc_or_None)` End of an `except*` block:
    /// combines the exceptions raised and re-raised by the handlers (a
    /// list) with the original group `orig` into the exception to re-raise,
    /// or None if nothing is left.
    PrepReraiseStar = 1,
}

impl Intrinsic2 {
    /// Decodes a `CALL_INTRINSIC_2` argument.
    pub fn from_arg(arg: u32) -> Option<Intrinsic2> {
        match arg {
            1 => Some(Intrinsic2::PrepReraiseStar),
            _ => None,
        }
    }
}

/// Flag bits of `MAKE_FUNCTION`'s argument.
pub struct MakeFunctionFlags;
impl MakeFunctionFlags {
    /// A tuple of positional defaults is on the stack.
    pub const DEFAULTS: u32 = 0x01;
    /// A dict of keyword-only defaults is on the stack.
    pub const KWDEFAULTS: u32 = 0x02;
    /// A tuple `(name1, value1, name2, value2, ...)` of annotations.
    pub const ANNOTATIONS: u32 = 0x04;
    /// A tuple of cells for the free variables.
    pub const CLOSURE: u32 = 0x08;
}

/// `FORMAT_VALUE` argument bits.
pub struct FormatFlags;
impl FormatFlags {
    /// Mask of the conversion: 0 none, 1 `!s`, 2 `!r`, 3 `!a`.
    pub const CONVERSION_MASK: u32 = 0x03;
    /// `!s`
    pub const STR: u32 = 0x01;
    /// `!r`
    pub const REPR: u32 = 0x02;
    /// `!a`
    pub const ASCII: u32 = 0x03;
    /// A format spec is on the stack above the value.
    pub const HAVE_SPEC: u32 = 0x04;
}

/// `CodeObject::flags` bits (CPython's `CO_*` values).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct CodeFlags(pub u32);
impl CodeFlags {
    /// Locals live in fast slots (function bodies, comprehensions).
    pub const OPTIMIZED: u32 = 0x0001;
    /// A new locals namespace is created per call.
    pub const NEWLOCALS: u32 = 0x0002;
    /// Takes `*args` (the slot after the named parameters).
    pub const VARARGS: u32 = 0x0004;
    /// Takes `**kwargs` (the slot after `*args` if any).
    pub const VARKEYWORDS: u32 = 0x0008;
    /// Nested function (defined inside another function).
    pub const NESTED: u32 = 0x0010;
    /// Calling the function creates a generator instead of running the
    /// body: there is no `RETURN_GENERATOR` instruction.  The generator's
    /// first resumption starts at unit 0 and pushes nothing.
    pub const GENERATOR: u32 = 0x0020;
    /// `async def`.
    pub const COROUTINE: u32 = 0x0080;
    /// Generator-based coroutine (`types.coroutine`).
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    /// `async def` containing `yield`.
    pub const ASYNC_GENERATOR: u32 = 0x0200;

    /// True if all bits of `bit` are set.
    #[inline]
    pub const fn has(self, bit: u32) -> bool {
        self.0 & bit == bit
    }
}

/// Kind bits of a `localsplus` slot (CPython's `CO_FAST_*`).
pub struct LocalKind;
impl LocalKind {
    /// A plain local (or argument).
    pub const LOCAL: u8 = 0x20;
    /// A cell variable created by `MAKE_CELL` (`LOCAL | CELL` for an
    /// argument that is also a cell: the argument's value moves into the
    /// cell).
    pub const CELL: u8 = 0x40;
    /// A free variable filled by `COPY_FREE_VARS`.
    pub const FREE: u8 = 0x80;
}

/// Source position of an instruction, as CPython's `co_positions()`:
/// lines are 1-based, columns are 0-based UTF-8 byte offsets, `end_col`
/// exclusive.  `line == 0` means "no location".
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One entry of the zero-cost exception table (CPython 3.11).
///
/// When an instruction at unit index `i` raises and `start <= i < end`,
/// the interpreter pops the value stack down to `depth` entries (counted
/// from the frame's stack base), pushes `i` as an int if `push_lasti`,
/// pushes the exception instance, and continues at `handler`.  If no entry
/// covers `i`, the exception leaves the frame.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

/// A compile-time constant.  The interpreter converts these to objects once
/// per code object.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex {
        re: f64,
        im: f64,
    },
    /// The parser turns lone surrogates (`"\ud800"`) into U+FFFD; literals
    /// that had them are `SurrogateStr` instead.
    Str(String),
    /// A string with lone surrogates, as generalized UTF-8 (each surrogate
    /// in UTF-8's three-byte form), which a Rust `String` cannot hold.
    SurrogateStr(Vec<u8>),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    FrozenSet(Vec<Constant>),
    Ellipsis,
    Code(Arc<CodeObject>),
}

impl Constant {
    /// Identity for constant-table deduplication: same type and same value
    /// (floats compared bitwise, so `0.0`, `-0.0` and NaNs stay distinct;
    /// `1`, `1.0` and `True` are different constants).
    pub fn same_as(&self, other: &Constant) -> bool {
        use Constant::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex { re: a, im: b }, Complex { re: c, im: d }) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Str(a), Str(b)) => a == b,
            (SurrogateStr(a), SurrogateStr(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) | (FrozenSet(a), FrozenSet(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_as(y))
            }
            (Code(a), Code(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// A Python-like repr used by the disassembler.
    pub fn repr(&self) -> String {
        let mut s = String::new();
        self.write_repr(&mut s);
        s
    }

    fn write_repr(&self, out: &mut String) {
        match self {
            Constant::None => out.push_str("None"),
            Constant::Bool(true) => out.push_str("True"),
            Constant::Bool(false) => out.push_str("False"),
            Constant::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Constant::Float(f) => out.push_str(&float_repr(*f)),
            Constant::Complex { re, im } => {
                if *re == 0.0 && re.is_sign_positive() {
                    let _ = write!(out, "{}j", float_repr(*im));
                } else {
                    let sign = if *im < 0.0 || (*im == 0.0 && im.is_sign_negative()) { "" } else { "+" };
                    let _ = write!(out, "({}{sign}{}j)", float_repr(*re), float_repr(*im));
                }
            }
            Constant::Str(s) => out.push_str(&str_repr(s)),
            Constant::SurrogateStr(b) => {
                // The surrogates show as `\udxxx`, as in CPython's repr.
                let text = String::from_utf8_lossy(b);
                let mut r = str_repr(&text);
                let mut i = 0;
                while i + 2 < b.len() {
                    if b[i] == 0xED && (0xA0..=0xBF).contains(&b[i + 1]) {
                        let cp = 0xD000 | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F);
                        r = r.replacen("\u{fffd}", &format!("\\u{cp:04x}"), 1);
                        i += 3;
                    } else {
                        i += 1;
                    }
                }
                out.push_str(&r);
            }
            Constant::Bytes(b) => {
                out.push_str("b'");
                for &c in b {
                    match c {
                        b'\\' => out.push_str("\\\\"),
                        b'\'' => out.push_str("\\'"),
                        b'\n' => out.push_str("\\n"),
                        b'\r' => out.push_str("\\r"),
                        b'\t' => out.push_str("\\t"),
                        0x20..=0x7e => out.push(c as char),
                        _ => {
                            let _ = write!(out, "\\x{c:02x}");
                        }
                    }
                }
                out.push('\'');
            }
            Constant::Tuple(items) => {
                out.push('(');
                for (i, c) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    c.write_repr(out);
                }
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Constant::FrozenSet(items) => {
                out.push_str("frozenset({");
                for (i, c) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    c.write_repr(out);
                }
                out.push_str("})");
            }
            Constant::Ellipsis => out.push_str("Ellipsis"),
            Constant::Code(c) => {
                let _ = write!(out, "<code object {}, file \"{}\", line {}>", c.name, c.filename, c.first_line);
            }
        }
    }
}

fn float_repr(f: f64) -> String {
    if f.is_nan() {
        "nan".into()
    } else if f.is_infinite() {
        if f > 0.0 { "inf" } else { "-inf" }.into()
    } else if f == f.trunc() && f.abs() < 1e16 {
        format!("{f:.1}")
    } else {
        format!("{f:?}")
    }
}

fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// A compiled code object: plain, immutable data.
///
/// Fast locals ("localsplus") are laid out as CPython 3.11: slots
/// `0..varnames.len()` are the parameters (positional, keyword-only, then
/// `*args`, then `**kwargs`) followed by the other locals; then one slot per
/// cell variable that is not a parameter; then one slot per free variable.
/// A parameter that is also a cell keeps its parameter slot: `MAKE_CELL`
/// wraps the argument value in place.  `localsplus_kinds` gives the
/// [`LocalKind`] bits of each slot and `cell_slots[k]` the slot of
/// `cellvars[k]`.
#[derive(Clone, Debug)]
pub struct CodeObject {
    /// `co_name`.
    pub name: String,
    /// `co_qualname` (`f.<locals>.g`, `C.m`, `<lambda>`, ...).
    pub qualname: String,
    pub filename: String,
    /// Line of the `def`/`class`/first statement (decorators included, as
    /// CPython: the first decorator's line).
    pub first_line: u32,
    pub flags: CodeFlags,
    /// Number of positional parameters (including positional-only).
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// Instruction units.
    pub code: Box<[u32]>,
    /// One location per unit of `code`.
    pub locations: Box<[Location]>,
    pub constants: Box<[Constant]>,
    /// Names used by the `*_NAME`, `*_GLOBAL`, `*_ATTR`, `IMPORT_*` ops.
    pub names: Box<[String]>,
    /// Parameters then other fast locals (`co_varnames`).
    pub varnames: Box<[String]>,
    /// Names of cell variables (`co_cellvars`), including parameters that
    /// are cells.
    pub cellvars: Box<[String]>,
    /// Names of free variables (`co_freevars`), in closure order.
    pub freevars: Box<[String]>,
    /// Kind bits per localsplus slot (length [`CodeObject::n_localsplus`]).
    pub localsplus_kinds: Box<[u8]>,
    /// Localsplus slot of each `cellvars` entry.
    pub cell_slots: Box<[u32]>,
    /// Constant index of the docstring (a `Str`), if the function, class
    /// or module has one.
    pub docstring: Option<u32>,
    pub max_stack_depth: u32,
    /// Number of `CACHE` units (and run-time cache slots).
    pub n_cache_slots: u32,
    pub exception_table: Box<[ExceptionEntry]>,
}

impl Drop for CodeObject {
    /// Drops nested code objects iteratively: a function nested a thousand
    /// levels deep (legal Python) must not overflow the stack of whichever
    /// thread happens to drop the last reference.
    fn drop(&mut self) {
        let mut pending: Vec<Box<[Constant]>> = vec![std::mem::take(&mut self.constants)];
        while let Some(constants) = pending.pop() {
            for c in constants.into_vec() {
                if let Constant::Code(arc) = c {
                    if let Ok(mut inner) = Arc::try_unwrap(arc) {
                        pending.push(std::mem::take(&mut inner.constants));
                    }
                }
            }
        }
    }
}

impl CodeObject {
    /// Number of localsplus slots.
    pub fn n_localsplus(&self) -> usize {
        self.localsplus_kinds.len()
    }

    /// Index of the first free-variable slot.
    pub fn first_free_slot(&self) -> usize {
        self.n_localsplus() - self.freevars.len()
    }

    /// Name of localsplus slot `i`.
    pub fn localsplus_name(&self, i: usize) -> &str {
        if i < self.varnames.len() {
            return &self.varnames[i];
        }
        let free0 = self.first_free_slot();
        if i >= free0 {
            return &self.freevars[i - free0];
        }
        for (k, &slot) in self.cell_slots.iter().enumerate() {
            if slot as usize == i {
                return &self.cellvars[k];
            }
        }
        "?"
    }

    /// Exception table lookup for the instruction at unit `i`.
    pub fn handler_for(&self, i: u32) -> Option<&ExceptionEntry> {
        let t = &self.exception_table;
        let pos = t.partition_point(|e| e.end <= i);
        t.get(pos).filter(|e| e.start <= i)
    }

    /// The docstring, if any.
    pub fn doc(&self) -> Option<&str> {
        match self.constants.get(self.docstring? as usize)? {
            Constant::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Decodes the instruction starting at unit `i`: returns
    /// `(opcode, full argument, index of the next instruction)`, skipping
    /// `EXTENDED_ARG` prefixes and the owned `CACHE` unit.
    pub fn decode_at(&self, mut i: usize) -> Option<(Opcode, u32, usize)> {
        let mut ext: u32 = 0;
        loop {
            let ins = Instr(*self.code.get(i)?);
            let op = ins.op()?;
            if op == Opcode::EXTENDED_ARG {
                ext = (ext << 24) | ins.arg();
                i += 1;
                continue;
            }
            let arg = (ext << 24) | ins.arg();
            let next = i + 1 + usize::from(op.has_cache());
            return Some((op, arg, next));
        }
    }
}

pub use crate::dis::disassemble;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opcode_table_is_dense() {
        for (i, op) in Opcode::ALL.iter().enumerate() {
            assert_eq!(*op as usize, i, "{}", op.name());
            assert_eq!(Opcode::from_u8(i as u8), Some(*op));
        }
        assert_eq!(Opcode::from_u8(Opcode::ALL.len() as u8), None);
    }

    #[test]
    fn instr_packing() {
        let ins = Instr::new(Opcode::LOAD_ATTR, 0x123456);
        assert_eq!(ins.op(), Some(Opcode::LOAD_ATTR));
        assert_eq!(ins.arg(), 0x123456);
    }

    #[test]
    fn stack_effects_of_samples() {
        use Opcode::*;
        assert_eq!(LOAD_GLOBAL.stack_effect(3, false), Some(2));
        assert_eq!(LOAD_GLOBAL.stack_effect(2, false), Some(1));
        assert_eq!(CALL.stack_effect(2, false), Some(-3));
        assert_eq!(STORE_SUBSCR.stack_effect(0, false), Some(-3));
        assert_eq!(BINARY_SLICE.stack_effect(0, false), Some(-2));
        assert_eq!(FOR_ITER.stack_effect(5, true), Some(-1));
        assert_eq!(FOR_ITER.stack_effect(5, false), Some(1));
        assert_eq!(FORMAT_VALUE.stack_effect(4, false), Some(-1));
        assert_eq!(FORMAT_VALUE.stack_effect(2, false), Some(0));
        assert_eq!(UNPACK_EX.stack_effect(1 | (2 << 8), false), Some(3));
        assert_eq!(MAKE_FUNCTION.stack_effect(0x9, false), Some(-2));
        assert_eq!(SEND.stack_effect(0, true), Some(0));
        assert_eq!(CALL_FUNCTION_EX.stack_effect(1, false), Some(-3));
    }

    #[test]
    fn binary_op_base() {
        assert_eq!(BinaryOp::InplaceXor.base(), BinaryOp::Xor);
        assert_eq!(BinaryOp::Add.base(), BinaryOp::Add);
        assert_eq!(BinaryOp::from_arg(25), Some(BinaryOp::InplaceXor));
    }

    #[test]
    fn constant_identity() {
        assert!(!Constant::Float(0.0).same_as(&Constant::Float(-0.0)));
        assert!(!Constant::Int(1.into()).same_as(&Constant::Bool(true)));
        assert_eq!(Constant::Float(1.0).repr(), "1.0");
        assert_eq!(Constant::Str("it's".into()).repr(), "\"it's\"");
        assert_eq!(Constant::Tuple(vec![Constant::None]).repr(), "(None,)");
    }
}
