#!/usr/bin/env python3
"""Extract every JSON example from the PSP seed documents into kasir-core test fixtures.

Korean seeds had their JSON keys (and some values) machine-translated; the table in
seeds/README.md maps them back to the English originals. Blocks that are not valid JSON in the
seed (for example a doc that elides part of a signature) are still kept: elisions are inside
strings, so they parse.
Usage: scripts/extract-seed-json.py ../shared/seeds crates/kasir-core/tests/fixtures/seeds
"""
import json, os, re, sys

KO = {"금액": "amount", "통화": "currency", "수량": "quantity", "단위_금액": "unit_amount",
      "취소_URL": "cancel_url", "객체": "object", "모드": "mode", "상태": "status", "결제": "payment",
      "목록": "list", "데이터": "data", "설명": "description", "가격": "price", "제품": "product",
      "단위당": "per_unit", "미지급": "unpaid", "금액_소계": "amount_subtotal", "금액_총계": "amount_total",
      "청구지_주소_수집": "billing_address_collection", "확인_방법": "confirmation_method",
      "결제수단_유형": "payment_method_types", "결제_방법_옵션": "payment_method_options",
      "트루머니": "truemoney", "아쿨라쿠": "akulaku"}

def blocks(text):
    i = 0
    while True:
        start = text.find("{", i)
        if start < 0:
            return
        depth, j, in_str, esc = 0, start, False, False
        while j < len(text):
            c = text[j]
            if in_str:
                if esc: esc = False
                elif c == "\\": esc = True
                elif c == '"': in_str = False
            elif c == '"': in_str = True
            elif c == "{": depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        yield text[start:j + 1]
        i = j + 1

def main(src, dst):
    os.makedirs(dst, exist_ok=True)
    seen = set()
    for name in sorted(os.listdir(src)):
        if not name.endswith(".txt"):
            continue
        text = open(os.path.join(src, name), encoding="utf-8").read()
        for k, v in KO.items():
            text = text.replace(f'"{k}"', f'"{v}"')
        n = 0
        for b in blocks(text):
            try:
                value = json.loads(b)
            except json.JSONDecodeError:
                continue
            if not isinstance(value, dict) or len(value) < 2:
                continue
            key = json.dumps(value, sort_keys=True)
            if key in seen:
                continue
            seen.add(key)
            n += 1
            out = os.path.join(dst, f"{name[:3]}-{n:02}.json")
            with open(out, "w", encoding="utf-8") as f:
                json.dump(value, f, ensure_ascii=False, indent=2)
                f.write("\n")
            print(out)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
