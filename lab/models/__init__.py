"""Model families, one file each. `MODEL_FAMILIES` maps a checkpoint's `kind` to its class and config."""
from lab.models.autoencoder import AutoencoderConfig, ConvAutoencoder
from lab.models.classifier import ClassifierConfig, CNNClassifier
from lab.models.denoiser import DenoiserConfig, DenoisingUNet
from lab.models.pixelcnn import GatedPixelCNN, PixelCNNConfig
from lab.models.point_denoiser import PointDenoiser, PointDenoiserConfig
from lab.models.latent_denoiser import LatentDenoiser, LatentDenoiserConfig
from lab.models.token_transformer import TokenTransformer, TokenTransformerConfig
from lab.models.vae import ConvVAE, VAEConfig
from lab.models.vqvae import VQVAE, VQVAEConfig

MODEL_FAMILIES = {
    "vae": (ConvVAE, VAEConfig),
    "ae": (ConvAutoencoder, AutoencoderConfig),
    "classifier": (CNNClassifier, ClassifierConfig),
    "denoiser": (DenoisingUNet, DenoiserConfig),
    "latent_denoiser": (LatentDenoiser, LatentDenoiserConfig),
    "pixelcnn": (GatedPixelCNN, PixelCNNConfig),
    "vqvae": (VQVAE, VQVAEConfig),
    "token_transformer": (TokenTransformer, TokenTransformerConfig),
    "point_denoiser": (PointDenoiser, PointDenoiserConfig),
}


def build_model(kind: str, config: dict):
    """A fresh model of family `kind` from a plain config dict (as stored in config.json)."""
    if kind not in MODEL_FAMILIES:
        raise ValueError(f"unknown model kind {kind!r}; expected one of {sorted(MODEL_FAMILIES)}")
    model_class, config_class = MODEL_FAMILIES[kind]
    return model_class(config_class(**config))
