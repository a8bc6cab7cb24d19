<?xml version="1.0" encoding="utf-8"?>
<!-- Shows an Atom or RSS feed of the digest as a readable page when it is opened
     in a browser; feed readers ignore it. Linked from each feed by an
     xml-stylesheet instruction (plugins/digest_i18n/feeds.py). Feed text is only
     ever output as text: summaries (HTML in the feed) have their tags removed. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom">
<xsl:output method="html" encoding="utf-8" indent="no" doctype-system="about:legacy-compat"/>

<xsl:variable name="lang">
  <xsl:choose>
    <xsl:when test="/atom:feed/@xml:lang"><xsl:value-of select="/atom:feed/@xml:lang"/></xsl:when>
    <xsl:when test="/rss/channel/language"><xsl:value-of select="/rss/channel/language"/></xsl:when>
    <xsl:otherwise>en</xsl:otherwise>
  </xsl:choose>
</xsl:variable>
<xsl:variable name="zh" select="starts-with($lang, 'zh')"/>
<xsl:variable name="title" select="/atom:feed/atom:title | /rss/channel/title"/>
<xsl:variable name="site" select="/atom:feed/atom:link[@rel='alternate']/@href | /rss/channel/link"/>

<xsl:template match="/">
<html lang="{$lang}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="robots" content="noindex"/>
<title><xsl:value-of select="$title"/></title>
<style>
body { font: 1rem/1.7 system-ui, "Noto Sans CJK SC", sans-serif; color: #1d1d1f; background: #fff;
       max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
.about { background: #f3f6fa; border-left: 4px solid #2a5db0; padding: .75rem 1rem; }
h1 { font-size: 1.6rem; line-height: 1.3; }
h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
a { color: #1f4f9a; }
ol { list-style: none; padding: 0; }
li { border-top: 1px solid #d9dde3; padding: 1rem 0; }
.meta { color: #55595f; font-size: .9rem; margin: 0; }
p.summary { margin: .4rem 0 0; }
.group { display: block; }
html:lang(zh) body { font-family: "Noto Sans CJK SC", system-ui, sans-serif; } /* CJK quotes, not Latin ones */
</style>
</head>
<body>
<main>
<p class="about">
  <xsl:choose>
    <xsl:when test="$zh">这是一个订阅源（RSS/Atom）。将本页地址复制到新闻阅读器中，即可订阅新文章。</xsl:when>
    <xsl:otherwise>This is a web feed (RSS/Atom). Copy this page's address into a news reader to follow new articles.</xsl:otherwise>
  </xsl:choose>
</p>
<h1><xsl:value-of select="$title"/></h1>
<p><a href="{$site}">
  <xsl:choose>
    <xsl:when test="$zh">前往网站</xsl:when>
    <xsl:otherwise>Go to the website</xsl:otherwise>
  </xsl:choose>
</a></p>
<ol>
  <xsl:apply-templates select="/atom:feed/atom:entry | /rss/channel/item"/>
</ol>
</main>
</body>
</html>
</xsl:template>

<xsl:template match="atom:entry | item">
<li>
  <h2><a href="{atom:link[@rel='alternate']/@href | link}"><xsl:value-of select="atom:title | title"/></a></h2>
  <p class="meta">
    <xsl:value-of select="substring(atom:published | atom:updated[not(../atom:published)], 1, 10)"/>
    <xsl:value-of select="substring(pubDate, 1, 16)"/>
    <xsl:for-each select="atom:category/@label | category">
      <xsl:text> · </xsl:text><xsl:value-of select="."/>
    </xsl:for-each>
  </p>
  <p class="summary">
    <xsl:variable name="summary" select="atom:summary | description"/>
    <xsl:choose>
      <xsl:when test="starts-with($summary, '&lt;h2&gt;')">
        <xsl:call-template name="digest-groups"><xsl:with-param name="s" select="$summary"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="text"><xsl:with-param name="s" select="$summary"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </p>
</li>
</xsl:template>

<!-- Feed HTML as plain text: tags removed, entities written by markdown-it resolved. -->
<xsl:template name="text">
  <xsl:param name="s"/>
  <xsl:call-template name="unescape">
    <xsl:with-param name="s">
      <xsl:call-template name="strip-tags"><xsl:with-param name="s" select="$s"/></xsl:call-template>
    </xsl:with-param>
  </xsl:call-template>
</xsl:template>

<!-- A digest entry (plugins/digest_periods: "<h2>topic</h2><ul><li>title (source)</li>...</ul>"...)
     as one line per topic, "topic: title · title", instead of one run of text. -->
<xsl:template name="digest-groups">
  <xsl:param name="s"/>
  <xsl:if test="contains($s, '&lt;h2&gt;')">
    <xsl:variable name="after" select="substring-after($s, '&lt;h2&gt;')"/>
    <span class="group">
      <strong><xsl:call-template name="text"><xsl:with-param name="s" select="substring-before($after, '&lt;/h2&gt;')"/></xsl:call-template></strong>
      <xsl:choose><xsl:when test="$zh">：</xsl:when><xsl:otherwise><xsl:text>: </xsl:text></xsl:otherwise></xsl:choose>
      <xsl:call-template name="digest-items">
        <xsl:with-param name="s" select="substring-before(substring-after($after, '&lt;/h2&gt;'), '&lt;/ul&gt;')"/>
      </xsl:call-template>
    </span>
    <xsl:call-template name="digest-groups">
      <xsl:with-param name="s" select="substring-after($after, '&lt;/ul&gt;')"/>
    </xsl:call-template>
  </xsl:if>
</xsl:template>

<xsl:template name="digest-items">
  <xsl:param name="s"/>
  <xsl:if test="contains($s, '&lt;li&gt;')">
    <xsl:variable name="rest" select="substring-after($s, '&lt;/li&gt;')"/>
    <xsl:call-template name="text">
      <xsl:with-param name="s" select="substring-before(substring-after($s, '&lt;li&gt;'), '&lt;/li&gt;')"/>
    </xsl:call-template>
    <xsl:if test="contains($rest, '&lt;li&gt;')"><xsl:text> · </xsl:text></xsl:if>
    <xsl:call-template name="digest-items"><xsl:with-param name="s" select="$rest"/></xsl:call-template>
  </xsl:if>
</xsl:template>

<!-- "<p>A &amp; B</p>" -> "A &amp; B": drops everything between < and >. -->
<xsl:template name="strip-tags">
  <xsl:param name="s"/>
  <xsl:choose>
    <xsl:when test="contains($s, '&lt;')">
      <xsl:value-of select="substring-before($s, '&lt;')"/>
      <xsl:call-template name="strip-tags">
        <xsl:with-param name="s" select="substring-after(substring-after($s, '&lt;'), '&gt;')"/>
      </xsl:call-template>
    </xsl:when>
    <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- The entities markdown-it writes for text: "A &amp; B" -> "A & B" (output as text). -->
<xsl:template name="unescape">
  <xsl:param name="s"/>
  <xsl:choose>
    <xsl:when test="contains($s, '&amp;')">
      <xsl:value-of select="substring-before($s, '&amp;')"/>
      <xsl:variable name="rest" select="substring-after($s, '&amp;')"/>
      <xsl:variable name="entity">
        <xsl:choose>
          <xsl:when test="starts-with($rest, 'amp;')">amp;</xsl:when>
          <xsl:when test="starts-with($rest, 'lt;')">lt;</xsl:when>
          <xsl:when test="starts-with($rest, 'gt;')">gt;</xsl:when>
          <xsl:when test="starts-with($rest, 'quot;')">quot;</xsl:when>
          <xsl:when test="starts-with($rest, '#39;')">#39;</xsl:when>
          <xsl:when test="starts-with($rest, '#x27;')">#x27;</xsl:when>
        </xsl:choose>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="$entity = 'lt;'">&lt;</xsl:when>
        <xsl:when test="$entity = 'gt;'">&gt;</xsl:when>
        <xsl:when test="$entity = 'quot;'">"</xsl:when>
        <xsl:when test="$entity = '#39;' or $entity = '#x27;'">'</xsl:when>
        <xsl:otherwise>&amp;</xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="unescape">
        <xsl:with-param name="s" select="substring($rest, string-length($entity) + 1)"/>
      </xsl:call-template>
    </xsl:when>
    <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
