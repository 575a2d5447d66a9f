"""The default extractor's parts: lexicons, segmentation, names, events, dates and places."""
