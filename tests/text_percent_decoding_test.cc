// Percent-decoding of the parts of URLs (RFC 3986 §2.1), as the server's targets and forms and the
// PostgreSQL URLs use it.
#include <gtest/gtest.h>

#include <string>

#include "text/percent_decoding.h"

namespace treaty::text {
namespace {

TEST(PercentDecodingTest, EscapesOfEitherCaseAndPlusInFormsDecode) {
  std::string out;
  EXPECT_EQ(DecodePercents("2024-04-11T00:00:00%2b03:00", false, out), PercentDecoding::kDecodes);
  EXPECT_EQ(out, "2024-04-11T00:00:00+03:00");
  EXPECT_EQ(DecodePercents("a%2Fb+c", false, out), PercentDecoding::kDecodes);
  EXPECT_EQ(out, "a/b+c");
  EXPECT_EQ(DecodePercents("a%2Fb+c", true, out), PercentDecoding::kDecodes);
  EXPECT_EQ(out, "a/b c");
  EXPECT_EQ(DecodePercents("%C4%81", false, out), PercentDecoding::kDecodes);
  EXPECT_EQ(out, "ā");
}

TEST(PercentDecodingTest, ABadEscapeOrANulByteDoesNotDecode) {
  std::string out;
  for (const char* bad : {"drones%", "drones%2", "%g1", "%1g"}) {
    EXPECT_EQ(DecodePercents(bad, false, out), PercentDecoding::kMalformed) << bad;
  }
  EXPECT_EQ(DecodePercents("a%00b", false, out), PercentDecoding::kNulByte);
}

}  // namespace
}  // namespace treaty::text
