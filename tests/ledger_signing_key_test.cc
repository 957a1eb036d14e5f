// LoadSigningKey: a private key file that group or others may read is refused unless its key is
// the keys file's demo key (whose seed is public anyway), judged by its seed, not its claimed id.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "ledger/hash.h"
#include "ledger/keys.h"
#include "ledger_test_util.h"

namespace treaty::ledger::test {
namespace {

class SigningKeyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("treaty-signing-key-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  // The private key file of `institution`'s test key, with `permissions`.
  std::string KeyFile(const std::string& institution, std::filesystem::perms permissions) {
    const PrivateKey key = TestKey(institution);
    const std::filesystem::path path = folder_ / (institution + ".json");
    std::ofstream(path) << fmt::format(
        R"({{"format": "treaty-private-key/1", "institution": "{}", "key_id": "{}", "seed": "{}"}})",
        key.institution, key.key_id, ToHex(key.seed));
    std::filesystem::permissions(path, permissions);
    return path.string();
  }

  std::filesystem::path folder_;
  KeysFile keys_ = TestKeys();
};

using std::filesystem::perms;

TEST_F(SigningKeyTest, AKeyFileOthersMayReadIsRefusedUnlessItsKeyIsADemoKey) {
  const std::string readable = KeyFile("lv-mfa", perms::owner_read | perms::group_read);
  Result<PrivateKey> refused = LoadSigningKey(readable, keys_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "the private key file may be read by group or others; chmod 600 it");
  EXPECT_EQ(refused.error().where, readable);

  Result<PrivateKey> own = LoadSigningKey(KeyFile("lv-mfa", perms::owner_read), keys_);
  ASSERT_TRUE(own.ok()) << own.error().ToString();
  EXPECT_EQ(own.value().key_id, TestKey("lv-mfa").key_id);

  Result<PrivateKey> demo =
      LoadSigningKey(KeyFile("lv-mod", perms::owner_read | perms::others_read), keys_);
  ASSERT_TRUE(demo.ok()) << demo.error().ToString();
  EXPECT_EQ(demo.value().seed, TestKey("lv-mod").seed);
}

// A secret key file that claims the demo key's id is no demo key: its seed decides, and does not
// match.
TEST_F(SigningKeyTest, AKeyFileClaimingTheDemoKeyIdIsJudgedByItsSeed) {
  const PrivateKey demo = TestKey("lv-mod");
  const std::filesystem::path path = folder_ / "claims-demo.json";
  std::ofstream(path) << fmt::format(
      R"({{"format": "treaty-private-key/1", "institution": "lv-mod", "key_id": "{}", "seed": "{}"}})",
      demo.key_id, ToHex(TestKey("lv-mfa").seed));
  std::filesystem::permissions(path, perms::owner_read | perms::others_read);
  Result<PrivateKey> refused = LoadSigningKey(path.string(), keys_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "the private key does not match key " + demo.key_id + " in the keys file");
}

TEST_F(SigningKeyTest, AMissingOrMalformedKeyFileIsNamed) {
  const std::string missing = (folder_ / "none.json").string();
  Result<PrivateKey> absent = LoadSigningKey(missing, keys_);
  ASSERT_FALSE(absent.ok());
  EXPECT_NE(absent.error().ToString().find(missing), std::string::npos);
  const std::filesystem::path malformed = folder_ / "malformed.json";
  std::ofstream(malformed) << R"({"format": "treaty-private-key/1"})";
  std::filesystem::permissions(malformed, perms::owner_read);
  Result<PrivateKey> bad = LoadSigningKey(malformed.string(), keys_);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().where, malformed.string());
}

}  // namespace
}  // namespace treaty::ledger::test
