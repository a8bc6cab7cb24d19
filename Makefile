# The digest site. `make html` sets everything up on first use and builds the site.
PY_BOOT ?= python3
VENV    ?= .venv
PY      := $(VENV)/bin/python
PELICAN := $(VENV)/bin/pelican
STAMP   := $(VENV)/.installed
OUTPUT  ?= output
HOST    ?= 127.0.0.1
PORT    ?= 8000
PELICANOPTS ?=

.DEFAULT_GOAL := help
.PHONY: help setup html serve devserver publish test test-deps test-fast bench translations messages clean newsletter

help:
	@echo "make html          set up .venv (first run) and build the site from seeds/ into $(OUTPUT)/"
	@echo "make serve         build, serve on http://$(HOST):$(PORT)/ and rebuild + live-reload on change"
	@echo "make devserver     same as serve"
	@echo "make publish       build for hosting: SITEURL=https://example.org make publish"
	@echo "make test          run the test suite (unit, Pelican build, headless browser)"
	@echo "make translations  add untranslated titles/summaries to content/translations/en.po (MACHINE=module:func prefills)"
	@echo "make messages      re-extract the theme's interface strings into theme/translations (then translate)"
	@echo "make bench         benchmark conversion and full builds on a generated corpus"
	@echo "make newsletter    print where the email copy of a digest is: PERIOD=2025-W39 or 2025-09-25 (default: the latest week)"
	@echo "make clean         remove $(OUTPUT)/, generated articles (not hand-edited ones) and caches"
	@echo "Options: DIGEST_STRICT=1 (a bad seed fails the build), DIGEST_FORCE=1 (regenerate hand-edited pages),"
	@echo "         DIGEST_TRADITIONAL=1 (add a Traditional-Chinese edition at /zh-hant/)"

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PY_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

html: $(STAMP)
	$(PELICAN) content -o $(OUTPUT) -s pelicanconf.py $(PELICANOPTS)

serve devserver: $(STAMP)
	$(PY) scripts/serve.py --host $(HOST) --port $(PORT) --output $(OUTPUT)

publish: $(STAMP)
	@test -n "$(SITEURL)" || { echo "make publish needs SITEURL, e.g. SITEURL=https://news.example.org make publish"; exit 2; }
	$(PELICAN) content -o $(OUTPUT) -s publishconf.py $(PELICANOPTS)

# The browser and HTML-validator tests need Debian's Chromium, CJK fonts and Java:
# installed here when missing (as root, or through sudo), else the command is printed.
TEST_APT := chromium fonts-noto-cjk default-jre-headless
test-deps:
	@if command -v chromium >/dev/null 2>&1 && command -v java >/dev/null 2>&1 \
	    && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "installing $(TEST_APT)"; apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(TEST_APT) >/dev/null; \
	elif command -v sudo >/dev/null 2>&1; then \
	  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(TEST_APT); \
	else echo "make test needs: apt-get install $(TEST_APT)"; exit 1; fi

test: $(STAMP) test-deps
	$(PY) -m pytest -q -n 2 --dist loadfile

test-fast: $(STAMP)
	$(PY) -m pytest -q -n 2 -m "not browser and not build"

translations: $(STAMP)
	$(PY) scripts/translations.py $(if $(MACHINE),--machine $(MACHINE))

messages: $(STAMP)
	$(VENV)/bin/pybabel extract -F theme/babel.cfg -o theme/translations/messages.pot theme/templates
	$(VENV)/bin/pybabel update -i theme/translations/messages.pot -d theme/translations -l zh_Hans

bench: $(STAMP)
	PYTHONPATH=scripts$${PYTHONPATH:+:$$PYTHONPATH} $(PY) -m bench $(BENCHOPTS)

clean:
	@# generated pages go; pages edited by hand (hash line no longer matching) stay
	if [ -x $(PY) ]; then $(PY) -m digest.publish.store clean content/articles; fi
	rm -rf $(OUTPUT) $(dir $(OUTPUT)).$(notdir $(OUTPUT)).building-* .digest-cache cache .pytest_cache .hypothesis

newsletter: $(STAMP)
	@test -d $(OUTPUT)/newsletter || $(MAKE) --no-print-directory html
	@$(PY) scripts/newsletter.py --output $(OUTPUT) $(PERIOD)
