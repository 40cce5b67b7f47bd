//! Closed vocabularies: enums that parse from and print to stable kebab-case names, and sets of
//! their members.

mod set;

pub(crate) use set::{Member, VocabularySet};

/// Defines a closed vocabulary: a fieldless enum with kebab-case names, the common derives, and
/// `as_str`, `all`, `FromStr` (with an error listing every valid name), `Serialize`,
/// `Deserialize`, and [`Member`], so that its values make a [`VocabularySet`] (checked at compile
/// time to fit one). The string after the name is the field an unknown name is reported under.
///
/// Parsing is ASCII case-insensitive and accepts `_` or spaces for `-`, so `RHIT`, `Masters` and
/// `on_campus` are read, while the printed form is always the canonical kebab-case name.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident($field:literal) {
            $($(#[$variant_meta:meta])* $variant:ident),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            PartialOrd,
            Ord,
            Hash,
            strum::EnumIter,
            strum::IntoStaticStr,
            strum::VariantNames,
            strum::Display,
        )]
        #[strum(serialize_all = "kebab-case")]
        $vis enum $name {
            $($(#[$variant_meta])* $variant),*
        }

        impl $name {
            /// The stable kebab-case name, as printed and serialized.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                self.into()
            }

            /// Every value, in declaration order.
            pub fn all() -> impl Iterator<Item = Self> {
                <Self as strum::IntoEnumIterator>::iter()
            }
        }

        impl $crate::vocabulary::Member for $name {
            fn index(self) -> u32 {
                self as u32
            }

            fn members() -> impl Iterator<Item = Self> {
                Self::all()
            }
        }

        const _: () = assert!(
            [$(stringify!($variant)),*].len() <= $crate::vocabulary::VocabularySet::<$name>::CAPACITY,
            "a vocabulary has more members than a VocabularySet holds"
        );

        impl std::str::FromStr for $name {
            type Err = $crate::error::Error;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                let wanted = $crate::vocabulary::normalise_name(text);
                <Self as strum::IntoEnumIterator>::iter()
                    .find(|candidate| candidate.as_str() == wanted)
                    .ok_or_else(|| {
                        $crate::error::Error::unknown_name(
                            $field,
                            text,
                            <Self as strum::VariantNames>::VARIANTS.to_vec(),
                        )
                    })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                // The model's own error travels with serde's, so a reader reports an unknown
                // name as `UnknownName`, not as a value serde refused.
                text.parse().map_err($crate::error::Error::into_serde)
            }
        }
    };
}

pub(crate) use vocabulary;

/// Lowercases and turns `_` and spaces into `-`, so that user spellings meet canonical names.
pub(crate) fn normalise_name(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '_' | ' ' => '-',
            other => other.to_ascii_lowercase(),
        })
        .collect()
}
