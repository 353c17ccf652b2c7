"""The lab results tab: the table with its abnormal flags and the trend chart. GUI thread only.
"""
