"""Number rules: totals and their parts, counted lists, rates, scores and grades, conflicting values.

Every check works on rounding intervals: a figure stated with d decimals stands for ± half a unit
in its last place (121.2万元 is 1211500–1212500元), and a check fails only when the intervals cannot
meet. Approximate figures (约, 超过, 近, 不到, 余, 多) never produce an error.
"""
