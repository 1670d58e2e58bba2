"""The hostile-input corpus (cases.yaml, events/, tags/) and what its tests share (_support.py)."""
