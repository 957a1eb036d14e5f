// Signed tree heads against the vectors of docs/ledger-format.md §4.5 and §10 (§5.6 heads), and
// tamper checks: any flipped bit in the head or signature, or another key, fails verification.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "ledger/hash.h"
#include "ledger/tree_head.h"

namespace treaty::ledger {
namespace {

constexpr char kDemoSeedHex[] = "645de04e481a3fb73ffbb550cf3c4ea63af57d764704165acbaade5b3bc136bc";
constexpr char kDemoPublicKeyHex[] =
    "52d9ad924604615b289e9a35ee4b9fe238db364472265e07a6e3a1d7af3e8a5f";
constexpr char kDemoKeyId[] = "d84f606fad994e5589797b1969213416";

Hash H(std::string_view hex) { return HashFromHex(hex).value(); }

TreeHead Head(int64_t tree_size, std::string_view root_hex, std::string timestamp) {
  return TreeHead{"lv-ua-2024", tree_size, H(root_hex), std::move(timestamp), "lv-mod", kDemoKeyId};
}

// The size-7 head of §4.5.
TreeHead Head7() {
  return Head(7, "8eefbabda4f08b5448b4dbb04eb1ebcf2cd86bf367d1c0fec3214882a91b7b9e",
              "2025-03-01T12:00:00.000000Z");
}

constexpr char kHead7Signature[] =
    "f6c326a2e561886bb606700ffc25c6609509158a1262adb252162d5afda5dc80fdd2bc2d608a2cbb7f1ffdc6c64f62"
    "6f4b6046cb7eac3f7eadf086837e1f1c05";

TEST(TreeHeadTest, DemoKeyFromSeedText) {
  const Seed seed = DemoSeed("treaty demo key lv-mod");
  EXPECT_EQ(ToHex(seed), kDemoSeedHex);
  const PublicKey public_key = PublicKeyFromSeed(seed);
  EXPECT_EQ(ToHex(public_key), kDemoPublicKeyHex);
  EXPECT_EQ(KeyId(public_key), kDemoKeyId);
}

TEST(TreeHeadTest, CanonicalBytesAndMessageOfSection45) {
  const std::string canonical = CanonicalTreeHead(Head7()).value();
  EXPECT_EQ(canonical,
            "{\"agreement\":\"lv-ua-2024\",\"key_id\":\"d84f606fad994e5589797b1969213416\","
            "\"root_hash\":\"8eefbabda4f08b5448b4dbb04eb1ebcf2cd86bf367d1c0fec3214882a91b7b9e\","
            "\"signer\":\"lv-mod\",\"timestamp\":\"2025-03-01T12:00:00.000000Z\",\"tree_size\":7}");
  EXPECT_EQ(canonical.size(), 223u);
  const std::string message = TreeHeadMessage(Head7()).value();
  EXPECT_EQ(message.size(), 243u);
  EXPECT_EQ(message.substr(0, 20), std::string("treaty-tree-head-v1\0", 20));
  EXPECT_EQ(message.substr(20), canonical);
}

TEST(TreeHeadTest, SignatureOfSection45) {
  const Result<Signature> signature = SignTreeHead(Head7(), H(kDemoSeedHex));
  ASSERT_TRUE(signature.ok()) << signature.error().ToString();
  EXPECT_EQ(SignatureToHex(signature.value()), kHead7Signature);
  EXPECT_TRUE(VerifyTreeHead(Head7(), signature.value(), H(kDemoPublicKeyHex)));
}

TEST(TreeHeadTest, HeadsOfSection56) {
  const TreeHead head1 = Head(1, "19c50d3675683c85a5948702e8449086f96f23597dc22b8c21e64cd6725566ae",
                              "2025-01-15T09:30:00.123456Z");
  const TreeHead head2 = Head(2, "8767c15bf44d89e5b8119c04d4614c21c221c66b10cbcb0ad347235d1f0ab31a",
                              "2025-02-03T14:05:09.000001Z");
  const std::string signature1 =
      "eddd0de3afdb0dfefa387fdce81ec350d9d449b20b44ff7aa941319fba9cfaca0bb53fc7ae6f6bc7cab1a5fd626f"
      "4cef5eba2948e2b5cd8b8e76eeb6e373bf04";
  const std::string signature2 =
      "158e941bd468e0e1f595f28ed1aefa84a41b401f082cc1813c796d93a3e4225798e8be3481de66e1546384251e73"
      "2b567eaf6df51d28c78e29423ca312f1b408";
  EXPECT_EQ(SignatureToHex(SignTreeHead(head1, H(kDemoSeedHex)).value()), signature1);
  EXPECT_EQ(SignatureToHex(SignTreeHead(head2, H(kDemoSeedHex)).value()), signature2);
  EXPECT_TRUE(VerifyTreeHead(head1, SignatureFromHex(signature1).value(), H(kDemoPublicKeyHex)));
  EXPECT_TRUE(VerifyTreeHead(head2, SignatureFromHex(signature2).value(), H(kDemoPublicKeyHex)));
  EXPECT_FALSE(VerifyTreeHead(head1, SignatureFromHex(signature2).value(), H(kDemoPublicKeyHex)));
}

TEST(TreeHeadTest, FlippedBitInRootFails) {
  const Signature signature = SignatureFromHex(kHead7Signature).value();
  for (size_t bit = 0; bit < 8 * sizeof(Hash); ++bit) {
    TreeHead head = Head7();
    head.root_hash[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
    EXPECT_FALSE(VerifyTreeHead(head, signature, H(kDemoPublicKeyHex))) << "bit " << bit;
  }
}

TEST(TreeHeadTest, FlippedBitInSizeFails) {
  const Signature signature = SignatureFromHex(kHead7Signature).value();
  for (int bit = 0; bit < 53; ++bit) {
    TreeHead head = Head7();
    head.tree_size ^= int64_t{1} << bit;
    EXPECT_FALSE(VerifyTreeHead(head, signature, H(kDemoPublicKeyHex))) << "bit " << bit;
  }
}

TEST(TreeHeadTest, FlippedBitInTimestampFails) {
  const Signature signature = SignatureFromHex(kHead7Signature).value();
  const std::string timestamp = Head7().timestamp;
  for (size_t bit = 0; bit < 8 * timestamp.size(); ++bit) {
    TreeHead head = Head7();
    head.timestamp[bit / 8] = static_cast<char>(head.timestamp[bit / 8] ^ (1 << (bit % 8)));
    EXPECT_FALSE(VerifyTreeHead(head, signature, H(kDemoPublicKeyHex))) << "bit " << bit;
  }
}

TEST(TreeHeadTest, FlippedBitInSignatureFails) {
  for (size_t bit = 0; bit < 8 * sizeof(Signature); ++bit) {
    Signature signature = SignatureFromHex(kHead7Signature).value();
    signature[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
    EXPECT_FALSE(VerifyTreeHead(Head7(), signature, H(kDemoPublicKeyHex))) << "bit " << bit;
  }
}

TEST(TreeHeadTest, AnotherKeyFails) {
  const Seed other_seed = DemoSeed("treaty demo key ua-mod");
  const PublicKey other_key = PublicKeyFromSeed(other_seed);
  const Signature signature = SignatureFromHex(kHead7Signature).value();
  // The demo signature does not verify under another key, whether or not the head names it.
  EXPECT_FALSE(VerifyTreeHead(Head7(), signature, other_key));
  TreeHead renamed = Head7();
  renamed.key_id = KeyId(other_key);
  EXPECT_FALSE(VerifyTreeHead(renamed, signature, other_key));
  // A valid signature by the other key fails when the head names the demo key's id.
  const Signature other_signature = SignTreeHead(renamed, other_seed).value();
  EXPECT_TRUE(VerifyTreeHead(renamed, other_signature, other_key));
  EXPECT_FALSE(VerifyTreeHead(Head7(), other_signature, other_key));
}

TEST(TreeHeadTest, SigningWithAKeyOtherThanTheHeadsKeyIdIsAnError) {
  const Result<Signature> signature = SignTreeHead(Head7(), DemoSeed("treaty demo key ua-mod"));
  ASSERT_FALSE(signature.ok());
  EXPECT_EQ(signature.error().message,
            "the private key does not match key d84f606fad994e5589797b1969213416");
}

TEST(TreeHeadTest, HeadThatCannotBeCanonicalisedIsAnErrorAndDoesNotVerify) {
  TreeHead head = Head7();
  head.signer = "\xff";
  EXPECT_FALSE(CanonicalTreeHead(head).ok());
  EXPECT_FALSE(SignTreeHead(head, H(kDemoSeedHex)).ok());
  EXPECT_FALSE(
      VerifyTreeHead(head, SignatureFromHex(kHead7Signature).value(), H(kDemoPublicKeyHex)));
}

TEST(TreeHeadTest, SignatureHexRoundTripAndMalformedHex) {
  EXPECT_EQ(SignatureToHex(SignatureFromHex(kHead7Signature).value()), kHead7Signature);
  EXPECT_FALSE(SignatureFromHex(std::string(kHead7Signature).substr(2)).ok());
  EXPECT_FALSE(SignatureFromHex(std::string(kHead7Signature) + "00").ok());
  std::string upper = kHead7Signature;
  upper[0] = 'F';
  const Result<Signature> bad = SignatureFromHex(upper);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "not 128 lowercase hex digits: 'F' at position 0");
  EXPECT_FALSE(SignatureFromHex(std::string(128, 'g')).ok());
}

}  // namespace
}  // namespace treaty::ledger
