//! Compiler: AST to Skein bytecode.
