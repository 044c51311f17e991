#!/usr/bin/env python3
"""Merge message keys into messages/ru.json and messages/en.json without rewriting others' keys.
Usage: add-messages.py FILE.json  where FILE has {"ru": {...nested...}, "en": {...}}"""
import json, sys, collections
def merge(dst, src):
    for k, v in src.items():
        if isinstance(v, dict):
            dst.setdefault(k, collections.OrderedDict())
            merge(dst[k], v)
        else:
            dst[k] = v
patch = json.load(open(sys.argv[1]), object_pairs_hook=collections.OrderedDict)
for lang in ('ru', 'en'):
    path = f'messages/{lang}.json'
    data = json.load(open(path), object_pairs_hook=collections.OrderedDict)
    merge(data, patch[lang])
    with open(path, 'w') as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write('\n')
print('merged')
