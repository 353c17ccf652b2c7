"""Small widgets and styles shared by several screens: severity colours and icons, table models' headers,
icons. GUI thread only.
"""
