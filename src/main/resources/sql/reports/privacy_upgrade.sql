-- report privacy: the stored words of earlier builds that the upgrade to schema 14 took back into
-- tokens (V014, WordTakeBack); NULL while that upgrade is still to run.
SELECT max(words_taken_back) AS words_taken_back FROM word_upgrade WHERE state <> 'pending'
