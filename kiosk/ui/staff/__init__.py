"""Staff entry: the hidden corner hold, the PIN pad, and the staff panel behind them."""
