// Content codings and conditional requests: which Accept-Encoding values admit gzip, which
// If-None-Match values name a representation, and that a gzip body inflates to the original.
#include <gtest/gtest.h>

#include "http_test_support.h"
#include "views/http/content_coding.h"
#include "views/http/entity_tag.h"

namespace treaty::test {
namespace {

TEST(HttpContentCoding, AcceptEncodingAdmitsGzipUnlessWeightedZero) {
  for (const char* yes :
       {"gzip", "GZIP", "deflate, gzip;q=0.5", "br, *", "x-gzip", " gzip ; q=1", "gzip;q=0.001"}) {
    EXPECT_TRUE(http::AcceptsGzip(yes)) << yes;
  }
  for (const char* no : {"", "identity", "br, deflate", "gzip;q=0", "gzip; q=0.000", "*;q=0",
                         "gzip;q=0, *", "gzipped"}) {
    EXPECT_FALSE(http::AcceptsGzip(no)) << no;
  }
}

TEST(HttpContentCoding, GzipInflatesToTheOriginal) {
  std::string body;
  for (int i = 0; i < 5000; ++i) body += "{\"year\":" + std::to_string(2024 + i % 11) + "},";
  const std::string gzip = http::Gzip(body);
  EXPECT_LT(gzip.size(), body.size() / 5);
  EXPECT_EQ(Gunzip(gzip), body);
  EXPECT_EQ(Gunzip(http::Gzip("")), "");
}

TEST(HttpEntityTag, IfNoneMatchComparesWeakly) {
  const std::string tag = "\"abc\"";
  EXPECT_TRUE(http::IfNoneMatchHits("\"abc\"", tag));
  EXPECT_TRUE(http::IfNoneMatchHits("W/\"abc\"", tag));
  EXPECT_TRUE(http::IfNoneMatchHits("\"x\", \"abc\"", tag));
  EXPECT_TRUE(http::IfNoneMatchHits(" * ", tag));
  EXPECT_FALSE(http::IfNoneMatchHits("", tag));
  EXPECT_FALSE(http::IfNoneMatchHits("\"abcd\"", tag));
  EXPECT_FALSE(http::IfNoneMatchHits("abc", tag));
}

}  // namespace
}  // namespace treaty::test
