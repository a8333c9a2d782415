# Sourced by the bench scripts: sets $native to the directory of DuckDB's native library for this
# platform in the distribution (target/dist/native/...), empty when the platform has none.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64|Linux-amd64) native="$home/target/dist/native/linux-amd64" ;;
  Linux-aarch64|Linux-arm64) native="$home/target/dist/native/linux-arm64" ;;
  Darwin-*) native="$home/target/dist/native/osx-universal" ;;
  *) native="" ;;
esac
