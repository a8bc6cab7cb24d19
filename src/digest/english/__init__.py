"""The English edition: translation catalog, pinyin names, English units, keyword glossary."""
