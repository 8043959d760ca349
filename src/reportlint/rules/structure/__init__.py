"""Structure rules: heading numbering per GB/T 9704 (一、 → （一） → 1. → （1）), enumerations, outlines."""
