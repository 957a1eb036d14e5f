// The ledger's hashes and RFC 9162 Merkle tree against the vectors of docs/ledger-format.md §2.4,
// §3.4 and §10, and exhaustive proof round trips and tamper checks for small trees.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ledger/hash.h"
#include "ledger/merkle_tree.h"
#include "merkle_reference.h"

namespace treaty::ledger {
namespace {

Hash H(std::string_view hex) { return HashFromHex(hex).value(); }

std::vector<std::string> Hexes(const std::vector<Hash>& hashes) {
  std::vector<std::string> out;
  for (const Hash& hash : hashes) out.push_back(ToHex(hash));
  return out;
}

// Leaf hashes of d(i) = {"n":i}, the leaves of §3.4.
std::vector<Hash> NLeaves(size_t n) {
  std::vector<Hash> leaves;
  for (size_t i = 0; i < n; ++i) leaves.push_back(LeafHash("{\"n\":" + std::to_string(i) + "}"));
  return leaves;
}

Hash FlipBit(Hash hash, size_t bit) {
  hash[bit / 8 % hash.size()] ^= static_cast<uint8_t>(1u << (bit % 8));
  return hash;
}

// The nodes of the §3.4 figure.
const std::string kA = "f94070abfd2da0bf72902eb13a808e794f954d9e2745c682a158f6ed0d4ac036";
const std::string kB = "fb5d93e6cf90bc9470cd9ea9d9e12348993db3e854ab2b7660e3594767045f6c";
const std::string kC = "3d1de776df086c1ae9f7049d2bb0c0475ad14185f987e064e8d10dcb2db4a322";
const std::string kD = "d74a2d1f2af1c1cad6c5e8a86fc869162e7d1ea01e729abff17851d10948f994";
const std::string kE = "67cbf349d6b4e4caf430a96751ca532214414c2f8c9f7c567abbc3e52f2df391";
const std::string kF = "06414f1ba4aaa2cd88d9523c2aa059c6686e62883284e3356a9fad97dfb5e619";
const std::string kJ = "b707747e8b09dfaac67d2c485e122fd7f64a377942f95f9db077dfd3cea31273";
const std::string kG = "3badc80537f029e1bb77280dc85203cf2ed9748dc8f571230fcba5c326c91068";
const std::string kH = "126052db7798240e63a58487a3bd039a77d605a6a218f9470b582ed1e4901121";
const std::string kI = "49341fdcaff60bfdace7afb9c813751bb784d60ab565c2b5ff885357a0574e81";
const std::string kK = "bd0070acbdc679a24cf44615841483fbfcc18aba00ae4dbe2a0c54af26cbd9fa";
const std::string kL = "2dd81c5911e734c69a745636d999003b5421ee20710736c8d22454b542da8d5c";
const std::string kRoot3 = "2cfef7627597e00b564975774ad728ef210706759fca6d64138c6dfc1cbf2cda";
const std::string kRoot7 = "8eefbabda4f08b5448b4dbb04eb1ebcf2cd86bf367d1c0fec3214882a91b7b9e";

TEST(Hash, Sha256OfKnownInputs) {
  EXPECT_EQ(ToHex(Sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(ToHex(Sha256("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(LeafHash("abc"), Sha256(std::string("\0abc", 4)));
}

// §2.4 / §10: the worked event's canonical bytes, exactly as the doc prints them (`\"` and `\n`
// are two-character escapes inside the bytes).
TEST(Hash, WorkedEventLeafHash) {
  const std::string canonical =
      R"json({"agreement":"lv-ua-2024","amount":{"currency":"EUR","minor_units":2000000000},"classification":"public","commitments":["sec_2__hcontainer_1__para_3__sent_2","sec_2__hcontainer_5__para_2__sent_1"],"date":"2024-12-20","description":"5,000 FPV drones (\"Drone Coalition\" lot 3) handed over in Rēzekne\nAct signed by both sides","evidence":[{"reference":"LV MoD handover act No. 12/2024-D (PDF)","sha256":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}],"id":"0194694c-5e3b-75c3-af1e-9a407b6d13c8","idempotency_key":"lv-mod/handover/12-2024-D","item":"FPV combat drone","participant":"LV","quantity":5000,"recorded_at":"2025-01-15T09:30:00.123456Z","recorded_by":{"institution":"lv-mod","user":"jānis.bērziņš"},"type":"delivery","unit":"drone"})json";
  EXPECT_EQ(canonical.size(), 767u);
  EXPECT_EQ(ToHex(Sha256(canonical)),
            "b031eec8545e048ac1bbddeefa4b59d00cab41ff7babaf98148d8155fc3941db");
  EXPECT_EQ(ToHex(LeafHash(canonical)),
            "19c50d3675683c85a5948702e8449086f96f23597dc22b8c21e64cd6725566ae");
}

TEST(Hash, HexReadsAndWritesFixedBytes) {
  Hash bytes{};
  bytes[0] = 0x01;
  bytes[1] = 0xab;
  bytes[31] = 0xff;
  const std::string hex = "01ab" + std::string(58, '0') + "ff";
  const auto parsed = HashFromHex(hex);
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  EXPECT_EQ(parsed.value(), bytes);
  EXPECT_EQ(ToHex(bytes), hex);
}

TEST(Hash, BadHexIsAnErrorThatSaysWhatIsWrong) {
  EXPECT_EQ(HashFromHex("").error().message, "not 64 lowercase hex digits: 0 characters");
  EXPECT_EQ(HashFromHex(kA.substr(1)).error().message,
            "not 64 lowercase hex digits: 63 characters");
  EXPECT_EQ(HashFromHex(kA + "0").error().message, "not 64 lowercase hex digits: 65 characters");
  std::string upper = kA;
  upper[1] = 'F';
  EXPECT_EQ(HashFromHex(upper).error().message, "not 64 lowercase hex digits: 'F' at position 1");
  std::string other = kA;
  other[63] = 'g';
  EXPECT_EQ(HashFromHex(other).error().message, "not 64 lowercase hex digits: 'g' at position 63");
  other[63] = '\n';
  EXPECT_EQ(HashFromHex(other).error().message,
            "not 64 lowercase hex digits: '\\x0a' at position 63");
}

TEST(Merkle, NodeHashesAndRootsOfTheFormatVectors) {
  const std::vector<Hash> leaves = NLeaves(7);
  EXPECT_EQ(Hexes(leaves), (std::vector<std::string>{kA, kB, kC, kD, kE, kF, kJ}));
  EXPECT_EQ(ToHex(NodeHash(leaves[0], leaves[1])), kG);
  EXPECT_EQ(ToHex(NodeHash(leaves[2], leaves[3])), kH);
  EXPECT_EQ(ToHex(NodeHash(leaves[4], leaves[5])), kI);
  EXPECT_EQ(ToHex(NodeHash(H(kG), H(kH))), kK);
  EXPECT_EQ(ToHex(NodeHash(H(kI), leaves[6])), kL);

  const std::vector<std::string> roots = {
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      kA,
      kG,
      kRoot3,
      kK,
      "87d50c5ea4b4e9c66a6350dc9cf80c85641a6dc2d4e86fbeeedca752fa4cdb4c",
      "60d77797c87d5cfa135edd57b3db645a417edba5e6a1f4e2600c053f25478b1e",
      kRoot7,
  };
  for (size_t n = 0; n <= 7; ++n) {
    EXPECT_EQ(ToHex(MerkleTreeHash(std::span(leaves).first(n))), roots[n]) << "size " << n;
  }
}

TEST(Merkle, InclusionProofsOfTheFormatVectors) {
  const std::vector<Hash> leaves = NLeaves(7);
  EXPECT_EQ(Hexes(InclusionProof(leaves, 3, 7)), (std::vector<std::string>{kC, kG, kL}));
  EXPECT_EQ(Hexes(InclusionProof(leaves, 0, 7)), (std::vector<std::string>{kB, kH, kL}));
  EXPECT_EQ(Hexes(InclusionProof(leaves, 6, 7)), (std::vector<std::string>{kI, kK}));
  EXPECT_TRUE(VerifyInclusion(3, 7, H(kD), {H(kC), H(kG), H(kL)}, H(kRoot7)));
  EXPECT_TRUE(InclusionProof(leaves, 0, 1).empty());
}

TEST(Merkle, ConsistencyProofsOfTheFormatVectors) {
  const std::vector<Hash> leaves = NLeaves(7);
  EXPECT_EQ(Hexes(ConsistencyProof(leaves, 3, 7)), (std::vector<std::string>{kC, kD, kG, kL}));
  EXPECT_EQ(Hexes(ConsistencyProof(leaves, 4, 7)), (std::vector<std::string>{kL}));
  EXPECT_EQ(Hexes(ConsistencyProof(leaves, 6, 7)), (std::vector<std::string>{kI, kJ, kK}));
  EXPECT_TRUE(VerifyConsistency(3, 7, H(kRoot3), H(kRoot7), {H(kC), H(kD), H(kG), H(kL)}));
  EXPECT_TRUE(VerifyConsistency(4, 7, H(kK), H(kRoot7), {H(kL)}));
}

// The RFC 6962 vectors of the usual libraries (§3.4).
TEST(Merkle, Rfc6962RootOfEight) {
  std::vector<Hash> leaves;
  for (std::string_view hex : {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                               "606162636465666768696a6b6c6d6e6f"}) {
    std::string bytes;
    for (size_t i = 0; i < hex.size(); i += 2) {
      bytes.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
    }
    leaves.push_back(LeafHash(bytes));
  }
  EXPECT_EQ(ToHex(MerkleTreeHash(leaves)),
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
}

TEST(Merkle, EveryInclusionProofVerifiesAndNoTamperedOneDoes) {
  constexpr size_t kMax = 33;
  const std::vector<Hash> leaves = NLeaves(kMax);
  for (size_t n = 1; n <= kMax; ++n) {
    const Hash root = MerkleTreeHash(std::span(leaves).first(n));
    for (size_t m = 0; m < n; ++m) {
      SCOPED_TRACE("leaf " + std::to_string(m) + " of " + std::to_string(n));
      const std::vector<Hash> proof = InclusionProof(leaves, m, n);
      ASSERT_TRUE(VerifyInclusion(m, n, leaves[m], proof, root));
      for (size_t i = 0; i < proof.size(); ++i) {
        for (size_t bit : {0, 131, 255}) {
          std::vector<Hash> flipped = proof;
          flipped[i] = FlipBit(flipped[i], bit);
          EXPECT_FALSE(VerifyInclusion(m, n, leaves[m], flipped, root)) << "hash " << i;
        }
      }
      for (size_t other = 0; other <= n; ++other) {
        if (other == m) continue;
        EXPECT_FALSE(VerifyInclusion(other, n, leaves[m], proof, root)) << "index " << other;
      }
      EXPECT_FALSE(VerifyInclusion(m, n, leaves[m], proof, FlipBit(root, 7)));
      EXPECT_FALSE(VerifyInclusion(m, n, FlipBit(leaves[m], 7), proof, root));
      std::vector<Hash> longer = proof;
      longer.push_back(root);
      EXPECT_FALSE(VerifyInclusion(m, n, leaves[m], longer, root));
      if (!proof.empty()) {
        std::vector<Hash> shorter(proof.begin(), proof.end() - 1);
        EXPECT_FALSE(VerifyInclusion(m, n, leaves[m], shorter, root));
      }
    }
  }
}

TEST(Merkle, EveryConsistencyProofVerifiesAndNoTamperedOneDoes) {
  constexpr size_t kMax = 33;
  const std::vector<Hash> leaves = NLeaves(kMax);
  std::vector<Hash> roots;
  for (size_t n = 0; n <= kMax; ++n) roots.push_back(MerkleTreeHash(std::span(leaves).first(n)));
  for (size_t n = 1; n <= kMax; ++n) {
    for (size_t m = 1; m <= n; ++m) {
      SCOPED_TRACE(std::to_string(m) + " -> " + std::to_string(n));
      const std::vector<Hash> proof = ConsistencyProof(leaves, m, n);
      EXPECT_EQ(proof.empty(), m == n);
      ASSERT_TRUE(VerifyConsistency(m, n, roots[m], roots[n], proof));
      for (size_t i = 0; i < proof.size(); ++i) {
        for (size_t bit : {0, 131, 255}) {
          std::vector<Hash> flipped = proof;
          flipped[i] = FlipBit(flipped[i], bit);
          EXPECT_FALSE(VerifyConsistency(m, n, roots[m], roots[n], flipped)) << "hash " << i;
        }
      }
      EXPECT_FALSE(VerifyConsistency(m, n, FlipBit(roots[m], 7), roots[n], proof));
      EXPECT_FALSE(VerifyConsistency(m, n, roots[m], FlipBit(roots[n], 7), proof));
      std::vector<Hash> longer = proof;
      longer.push_back(roots[n]);
      EXPECT_FALSE(VerifyConsistency(m, n, roots[m], roots[n], longer));
      if (!proof.empty()) {
        std::vector<Hash> shorter(proof.begin(), proof.end() - 1);
        EXPECT_FALSE(VerifyConsistency(m, n, roots[m], roots[n], shorter));
      }
    }
  }
}

TEST(Merkle, ConsistencyOfEqualZeroAndReversedSizes) {
  const std::vector<Hash> leaves = NLeaves(7);
  const Hash root3 = H(kRoot3);
  const Hash root7 = H(kRoot7);
  EXPECT_TRUE(VerifyConsistency(7, 7, root7, root7, {}));
  EXPECT_FALSE(VerifyConsistency(7, 7, root3, root7, {}));
  EXPECT_FALSE(VerifyConsistency(7, 7, root7, root7, {root7}));
  EXPECT_FALSE(VerifyConsistency(0, 7, Sha256(""), root7, ConsistencyProof(leaves, 1, 7)));
  EXPECT_FALSE(VerifyConsistency(7, 3, root7, root3, ConsistencyProof(leaves, 3, 7)));
  EXPECT_FALSE(VerifyConsistency(3, 7, root3, root7, {}));
}

}  // namespace
}  // namespace treaty::ledger
